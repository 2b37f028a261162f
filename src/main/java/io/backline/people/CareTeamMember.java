package io.backline.people;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A trainer on a client's care team; what a trainer may see of a client follows from this row. */
@Entity
public class CareTeamMember extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public boolean lead;

    @Embeddable
    public record Key(UUID clientId, UUID staffMemberId) implements Serializable {
    }
}
