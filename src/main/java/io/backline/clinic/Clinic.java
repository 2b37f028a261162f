package io.backline.clinic;

import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A movement clinic: the tenant. Its id is the alias of the clinic's Keycloak organization. */
@Entity
public class Clinic extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String city;
    public String timezone;
    /** Days without a session after which a client shows as disengaged. */
    public int disengagedAfterDays;
    /** Thresholds of the symptom-flag decision table, and when unacknowledged urgent flags go to the admins. */
    public int redSeverity;
    public int amberSeverity;
    public int painRise;
    public int discomfortRise;
    public int ambersForRed;
    public int amberWindowDays;
    public int escalateAfterHours;
    public boolean alertEmails;
    /** Shown with every safety message: how to reach the clinic, and how soon it answers. */
    public String phone;
    public Integer answersWithinHours;
    /** Days a sent referral may wait for the provider's acknowledgement before it shows as overdue. */
    public int referralAckDays;

    /** The clinic's time zone; Portland's when no clinic is known (every clinic is in the Portland area). */
    public static ZoneId zoneOf(Clinic clinic) {
        return ZoneId.of(clinic == null || clinic.timezone == null ? "America/Los_Angeles" : clinic.timezone);
    }
}
