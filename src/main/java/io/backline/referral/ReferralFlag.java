package io.backline.referral;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import io.backline.clinic.ClinicOwned;

/** A symptom flag a referral is about. */
@Entity
public class ReferralFlag extends ClinicOwned {
    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(UUID referralId, UUID flagId) implements Serializable {
    }
}
