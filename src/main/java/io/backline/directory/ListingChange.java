package io.backline.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change a provider made to their own listing through their link: who, what (before → after), when. */
@Entity
public class ListingChange extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID providerId;
    public String changedBy;
    public String changes;
    public Instant changedAt;
}
