package io.backline.referral;

import java.util.UUID;

/** A referral drafted for the client, which waits for their consent; fired in the draft's transaction. */
public record ConsentRequested(UUID clientId, UUID referralId) {
}
