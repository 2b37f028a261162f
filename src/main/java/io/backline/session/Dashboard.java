package io.backline.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.hibernate.Session;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.clinic.Clinic;
import io.backline.people.Client;
import io.backline.people.CurrentUser;
import io.backline.program.Assignment;
import io.backline.referral.Referral;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The trainer's dashboard: each client on their care teams with adherence, last session and days since, the
 * disengaged ones marked. A fixed handful of queries whatever the number of clients (a test counts them).
 */
@Path("/dashboard")
@RolesAllowed(CurrentUser.TRAINER)
public class Dashboard extends Controller {
    static final int PAGE_SIZE = 50;

    @Inject
    CurrentUser currentUser;
    @Inject
    AdherenceService adherence;

    public record Row(Client client, Assignment assignment, Adherence.Report report, OptionalLong daysSince,
            boolean disengaged) {
        public boolean hasProgram() {
            return assignment != null;
        }

        public String thisWeek() {
            if (report == null || report.weeks().isEmpty()) {
                return "—";
            }
            Adherence.Week week = report.weeks().get(report.weeks().size() - 1);
            return week.done() + "/" + week.prescribed();
        }
    }

    /** A referral the provider has not acknowledged in time: only what the dashboard's reminder shows. */
    public record OverdueReferral(UUID id, String clientName, Instant sentAt, Referral.Urgency urgency) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<Row> rows, int page, boolean hasNext, int disengagedAfterDays,
                long disengagedCount, List<OverdueReferral> overdueReferrals);
    }

    @GET
    @Path("")
    public TemplateInstance dashboard(@RestQuery String page) {
        int pageIndex = io.backline.web.Paged.index(page);
        Clinic clinic = currentUser.getClinic();
        ZoneId zone = Clinic.zoneOf(clinic);
        LocalDate today = LocalDate.now(zone);
        UUID staffId = currentUser.staffMemberId().orElse(new UUID(0, 0));

        List<Object[]> found = caseload(staffId, pageIndex);
        boolean hasNext = found.size() > PAGE_SIZE;
        found = found.subList(0, Math.min(PAGE_SIZE, found.size()));
        List<Client> clients = found.stream().map(row -> (Client) row[0]).toList();
        Map<UUID, Assignment> openByClient = new HashMap<>();
        found.stream().filter(row -> row[1] != null).forEach(row -> openByClient.put(((Client) row[0]).id, (Assignment) row[1]));
        Map<UUID, Adherence.Report> reports = adherence.reports(openByClient.values(), zone);

        int threshold = clinic == null ? 7 : clinic.disengagedAfterDays;
        List<Row> rows = clients.stream().map(client -> {
            Assignment assignment = openByClient.get(client.id);
            if (assignment == null) {
                return new Row(client, null, null, OptionalLong.empty(), false);
            }
            Adherence.Report report = reports.get(assignment.id);
            OptionalLong since = Adherence.daysSince(report.lastSession(), today);
            // Without any session yet, the clock runs from the day the program was assigned.
            long quietDays = since.isPresent() ? since.getAsLong()
                    : java.time.temporal.ChronoUnit.DAYS.between(Adherence.dayOf(assignment.createdAt, zone), today);
            boolean disengaged = assignment.isActive() && report.prescribed() > 0 && quietDays >= threshold;
            return new Row(client, assignment, report, since, disengaged);
        }).toList();
        // Referrals the provider has not acknowledged in time, for this trainer's clients: a closed loop needs chasing.
        int ackDays = clinic == null ? 5 : clinic.referralAckDays;
        List<OverdueReferral> overdue = overdueReferrals(staffId, Instant.now().minus(Duration.ofDays(ackDays)));
        return Templates.dashboard(rows, pageIndex + 1, hasNext, threshold, rows.stream().filter(Row::disengaged).count(),
                overdue);
    }

    /*
     * Oldest first, at most ten: what the trainer should chase first (V6's partial index on sent referrals). Only the
     * four values shown, with the client's name joined in: whole referral entities cost a twelfth of the page's CPU
     * (JFR), and the name no longer depends on the client being on the same page of the caseload.
     */
    private List<OverdueReferral> overdueReferrals(UUID staffId, Instant sentBefore) {
        List<?> rows = Referral.getEntityManager().unwrap(Session.class).createNativeQuery("""
                select r.id, c.full_name, r.sent_at, r.urgency from referral r
                join client c on c.clinic_id = r.clinic_id and c.id = r.client_id
                where r.clinic_id = :clinic and r.status = 'SENT' and r.sent_at < :cutoff
                  and r.client_id in (select m.client_id from care_team_member m
                                      where m.clinic_id = :clinic and m.staff_member_id = :staff)
                order by r.sent_at limit 10""")
                .addScalar("id", UUID.class).addScalar("full_name", String.class)
                .addScalar("sent_at", Instant.class).addScalar("urgency", String.class)
                .setParameter("clinic", currentUser.getClinic().id).setParameter("staff", staffId)
                .setParameter("cutoff", sentBefore)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new OverdueReferral((UUID) row[0], (String) row[1],
                (Instant) row[2], Referral.Urgency.valueOf((String) row[3]))).toList();
    }

    /*
     * The trainer's active clients, a page of them, each with their oldest open assignment: one native statement
     * (with the tenant filter on, Hibernate translates HQL anew on every run), so the clinic is named explicitly.
     * One row more than a page tells whether there is a next page.
     */
    private List<Object[]> caseload(UUID staffId, int pageIndex) {
        List<?> rows = Client.getEntityManager().unwrap(Session.class).createNativeQuery("""
                select {c.*}, {a.*} from client c
                join care_team_member m on m.clinic_id = c.clinic_id and m.client_id = c.id and m.staff_member_id = :staff
                left join lateral (select * from assignment x where x.clinic_id = c.clinic_id and x.client_id = c.id
                                   and x.status <> 'ENDED' order by x.created_at limit 1) a on true
                where c.clinic_id = :clinic and c.active
                order by c.full_name, c.id limit :limit offset :offset""")
                .addEntity("c", Client.class).addEntity("a", Assignment.class)
                .setParameter("clinic", currentUser.getClinic().id).setParameter("staff", staffId)
                .setParameter("limit", PAGE_SIZE + 1).setParameter("offset", pageIndex * PAGE_SIZE)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).toList();
    }
}
