package io.backline.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clientpage.ClientPage;
import io.backline.message.Conversations;
import io.backline.practice.Adherence;
import io.backline.practice.AdherenceService;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentUser;
import io.backline.program.Assignment;
import io.backline.referral.Referral;
import io.backline.symptom.FlagRules;
import io.backline.web.RouteTemplate;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The trainer's dashboard: each client on their care teams with open flags, adherence, last session and days since,
 * the disengaged ones marked, those needing attention first (the order: {@link DashboardQuery}). A fixed handful of queries whatever the number of clients (a test counts them).
 */
@Path("/dashboard")
@RolesAllowed(CurrentUser.TRAINER)
public class Dashboard extends Controller {
    static final int PAGE_SIZE = 50;

    @Inject
    CurrentUser currentUser;
    @Inject
    AdherenceService adherence;
    @Inject
    DashboardQuery query;
    @Inject
    AuditTrail audit;

    private static final RouteTemplate CLIENT_PAGE = RouteTemplate.withId(id -> Router.getURI(ClientPage::show, id));
    private static final RouteTemplate CONVERSATION = RouteTemplate.withId(id -> Router.getURI(Conversations::conversation, id));

    public record Row(UUID clientId, String clientName, Assignment.Status status, Adherence.Report report,
            OptionalLong daysSince, boolean disengaged, int openFlags, FlagRules.Level topLevel, int unreadMessages) {
        public boolean hasProgram() {
            return status != null;
        }

        /** The client's page: a property, not a template call with an argument, on the page's longest list. */
        public String link() {
            return CLIENT_PAGE.with(clientId);
        }

        /** The conversation with the client. */
        public String messagesLink() {
            return CONVERSATION.with(clientId);
        }

        /** The client's flags on their page: the queue lists every client's, this cell is about one. */
        public String flagsLink() {
            return CLIENT_PAGE.with(clientId) + "#flags-title";
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

        // Referrals the provider has not acknowledged in time, for this trainer's clients: a closed loop needs chasing.
        int ackDays = clinic.referralAckDays;
        int threshold = clinic.disengagedAfterDays;
        LocalDate quietSince = today.minusDays(threshold);
        DashboardQuery.Found found = query.read(staffId, currentUser.userId(), PAGE_SIZE + 1,
                (long) pageIndex * PAGE_SIZE, Instant.now().minus(Duration.ofDays(ackDays)), quietSince,
                quietSince.plusDays(1).atStartOfDay(zone).toInstant());
        // One entry more than a page tells whether there is a next page.
        boolean hasNext = found.caseload().size() > PAGE_SIZE;
        List<DashboardQuery.CaseloadEntry> entries = found.caseload().subList(0, Math.min(PAGE_SIZE, found.caseload().size()));
        Map<UUID, Adherence.Report> reports = adherence.reportsOf(entries.stream()
                .filter(DashboardQuery.CaseloadEntry::hasProgram)
                .map(entry -> new AdherenceService.Versioned(entry.assignmentId(), entry.historyVersion())).toList(), zone);

        List<Row> rows = entries.stream().map(entry -> {
            if (!entry.hasProgram()) {
                return new Row(entry.clientId(), entry.clientName(), null, null, OptionalLong.empty(), false,
                        entry.openFlags(), entry.topLevel(), entry.unreadMessages());
            }
            Adherence.Report report = reports.get(entry.assignmentId());
            OptionalLong since = Adherence.daysSince(report.lastSession(), today);
            // Without any session yet, the clock runs from the day the program was assigned.
            long quietDays = since.isPresent() ? since.getAsLong()
                    : java.time.temporal.ChronoUnit.DAYS.between(Adherence.dayOf(entry.assignedAt(), zone), today);
            boolean disengaged = entry.status() == Assignment.Status.ACTIVE && report.prescribed() > 0
                    && quietDays >= threshold;
            return new Row(entry.clientId(), entry.clientName(), entry.status(), report, since, disengaged,
                    entry.openFlags(), entry.topLevel(), entry.unreadMessages());
        }).toList();
        audit.recordView(AuditSubject.clinic(), AuditTrail.VIEWED_DASHBOARD, "page " + (pageIndex + 1));
        return Templates.dashboard(rows, pageIndex + 1, hasNext, threshold, rows.stream().filter(Row::disengaged).count(),
                found.overdueReferrals());
    }
}
