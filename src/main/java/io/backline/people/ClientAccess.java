package io.backline.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.backline.clinic.CurrentUser;
import io.backline.clinic.CareTeamRule;
import io.backline.clinic.CurrentClinic;
import io.backline.web.Paged;
import io.quarkus.panache.common.Parameters;

/**
 * Which clients the signed-in staff member may see: an admin sees every client of the clinic, a trainer only
 * those whose care team they are on. Every query here runs under the clinic filter or names the clinic, so another
 * clinic's client is simply not there.
 */
@RequestScoped
public class ClientAccess {
    private final CurrentUser currentUser;
    private final CurrentClinic currentClinic;
    private final ClientQuery clients;

    @Inject
    public ClientAccess(CurrentUser currentUser, CurrentClinic currentClinic, ClientQuery clients) {
        this.currentUser = currentUser;
        this.currentClinic = currentClinic;
        this.clients = clients;
    }

    /**
     * The rule above as SQL over a client row {@code c}, for statements that read a client with more than the
     * client, binding {@code :admin} and {@code :staff} by name.
     */
    public static final String VISIBLE = "c.clinic_id = :clinic and "
            + CareTeamRule.visibleTo(":admin", "c.clinic_id", "c.id", ":staff");

    /** {@link #VISIBLE} for plain JDBC ({@code ClinicSql.list}): its two marks take {@link #visibilityValues()}. */
    public static final String VISIBLE_BY_POSITION = "c.clinic_id = :clinic and "
            + CareTeamRule.visibleTo("?", "c.clinic_id", "c.id", "?");

    /**
     * The client pages start here (the progress page's GET reads the client with its own statement instead, see
     * ClientPageQuery): one native statement, {@link ClientQuery}.
     */
    public Optional<Client> visibleClient(UUID clientId) {
        return clients.visibleClient(clientId, currentUser.isAdmin(), currentStaffId());
    }

    /** The values of {@link #VISIBLE_BY_POSITION}'s marks for the signed-in person, in their order. */
    public Object[] visibilityValues() {
        return new Object[] { currentUser.isAdmin(), currentStaffId() };
    }

    /** One page of visible clients whose name or email contains the search text, by name. */
    public Paged<Client> search(String text, int pageIndex) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
        Parameters params = Parameters.with("like", like);
        String query = "from Client c where (lower(c.fullName) like :like or lower(c.email) like :like)";
        if (!currentUser.isAdmin()) {
            query += " and " + CareTeamRule.onCareTeamHql("c.id", ":staff");
            params.and("staff", currentStaffId());
        }
        return Paged.of(Client.<Client> find(query + " order by c.active desc, c.fullName", params), pageIndex);
    }

    /** Active clients this person may see, by name, for a choice list (capped: a search suits longer lists). */
    public List<Client> activeVisible(int limit) {
        if (currentUser.isAdmin()) {
            return Client.<Client> find("active order by fullName").page(0, limit).list();
        }
        return Client.<Client> find("from Client c where c.active and " + CareTeamRule.onCareTeamHql("c.id", ":staff")
                + " order by c.fullName",
                Parameters.with("staff", currentStaffId())).page(0, limit).list();
    }

    private UUID currentStaffId() {
        // A trainer with no staff row in this clinic sees no clients rather than an error.
        return currentUser.staffMemberId().orElse(new UUID(0, 0));
    }
}
