package io.backline.symptom;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A step on a flag's timeline: acknowledged, a note, resolved, program resumed, referral drafted. */
@Entity
public class FlagNote extends ClinicOwned {
    @Id
    public UUID id;

    public UUID flagId;
    public UUID authorUserId;
    public String authorName;
    public String kind;
    public String text;
    public Instant writtenAt;
    /** A trainer's note the client sees in their conversation. */
    public boolean sharedWithClient;
}
