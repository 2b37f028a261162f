package io.backline.people;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import io.backline.clinic.ClinicOwned;

/** A trainer on a client's care team; what a trainer may see of a client follows from this row. */
@Entity
public class CareTeamMember extends ClinicOwned {
    @EmbeddedId
    public Key key;

    public boolean lead;

    @Embeddable
    public record Key(UUID clientId, UUID staffMemberId) implements Serializable {
    }

    /** Makes this member the team's only lead; the old lead is cleared first, as one lead per client is a unique index. */
    public void makeLead() {
        update("lead = false where key.clientId = ?1", key.clientId);
        getEntityManager().flush();
        lead = true;
    }
}
