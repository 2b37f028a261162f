package io.backline.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A chiropractor, massage therapist, physical therapist or physician a clinic can refer to; shaped after FHIR
 * Practitioner, PractitionerRole and Location. Not a clinic-owned entity: shared entries have no owner and every
 * clinic sees them, private ones belong to one clinic. {@link Directory} applies that rule to every read.
 */
@Entity
public class Provider extends PanacheEntityBase {
    @Id
    public UUID id;
    /** Null for the shared directory; otherwise the clinic whose private entry this is. */
    public String ownerClinicId;
    public String fullName;
    public String credentials;
    public String practice;
    @Enumerated(EnumType.STRING)
    public Specialty specialty;
    public String techniques;
    public String address;
    public String city;
    public String neighbourhood;
    public String postalCode;
    public double latitude;
    public double longitude;
    public String phone;
    public String email;
    public String website;
    public boolean acceptingNewClients;
    public boolean acceptsTrainerReferrals;
    public String languages;
    public String insurance;
    public String hours;
    public String notes;
    public boolean demo;
    /** When the listing was loaded, imported or last saved by its provider; old ones are marked in the directory. */
    public Instant confirmedAt;
    /** When someone last asked for an update link to be emailed to the listing's address (one an hour at most). */
    public Instant updateLinkRequestedAt;

    public boolean isPrivateEntry() {
        return ownerClinicId != null;
    }

    public String displayName() {
        return displayName(fullName, credentials);
    }

    public String area() {
        return area(neighbourhood, city);
    }

    static String displayName(String fullName, String credentials) {
        return credentials == null || credentials.isBlank() ? fullName : fullName + ", " + credentials;
    }

    static String area(String neighbourhood, String city) {
        return neighbourhood == null || neighbourhood.isBlank() ? city : neighbourhood + ", " + city;
    }
}
