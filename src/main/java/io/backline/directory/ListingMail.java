package io.backline.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.jobs.OutboxEmail;

/** "Update your listing", to the listing's own address; the clinic is the one whose staff asked for it. */
@Entity
public class ListingMail extends OutboxEmail {
    @Id
    public UUID id;

    public UUID providerId;
}
