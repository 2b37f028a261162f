package io.backline.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a postal code lies, roughly: the point distances are measured from. Reference data, not clinic-owned. */
@Entity
public class PostalCodeCentroid extends PanacheEntityBase {
    @Id
    public String postalCode;
    public String city;
    public double latitude;
    public double longitude;
}
