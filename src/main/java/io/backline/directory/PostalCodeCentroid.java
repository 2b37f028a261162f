package io.backline.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Where a postal code lies, roughly: the point distances are measured from. Reference data, not clinic-owned.
 * Only migrations change it, so Hibernate's second-level cache keeps it (for half a day unused, see
 * application.properties): a directory search near a postal code then reads it without a statement. The cache keys
 * carry the clinic, as every key does under discriminator multi-tenancy, so each clinic warms its own entries.
 */
@Entity
@Immutable
@Cacheable
public class PostalCodeCentroid extends PanacheEntityBase {
    @Id
    public String postalCode;
    public String city;
    public double latitude;
    public double longitude;
}
