package io.backline.referral;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A symptom flag a referral is about. */
@Entity
public class ReferralFlag extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Embeddable
    public record Key(UUID referralId, UUID flagId) implements Serializable {
    }
}
