package io.backline.practice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.backline.clinic.CurrentUser;
import io.backline.people.Client;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.web.NewestFirst;
import io.backline.web.Paged;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The client's own progress: the charts their trainer sees, weekly sessions against the target, the streak, and
 * every session they recorded. Always the signed-in client's own record, so nothing in the address names anyone;
 * a client looking at their own data is not audited, as on the today page.
 */
@Path("/today/progress")
@RolesAllowed(CurrentUser.CLIENT)
public class Progress extends Controller {
    static final int CHART_SESSIONS = 60;
    static final int WEEKS_LISTED = 12;
    static final int PAGE_SIZE = 20;

    @Inject
    CurrentUser currentUser;
    @Inject
    AssignmentService assignments;
    @Inject
    ProgramCatalog catalog;
    @Inject
    AdherenceService adherence;
    @Inject
    ProgressQuery query;
    @Inject
    SessionChartsCache chartsCache;

    /** The open program's figures and charts; absent when the client follows none right now. */
    public record Program(ProgramVersion version, Prescription prescription, Adherence.Report report,
            List<WeekRow> recentWeeks, String holdsChart, String discomfortChart) {
    }

    /** One week of the table: sessions done against its target, and whether it was met ("Under way" until Sunday). */
    public record WeekRow(LocalDate monday, int done, int target, String onTarget) {
        static WeekRow of(Adherence.Week week, LocalDate today) {
            String onTarget = io.backline.web.i18n.Texts.get(week.met() ? "common.yes"
                    : week.monday().plusDays(6).isBefore(today) ? "common.no" : "progress.underWay");
            return new WeekRow(week.monday(), week.done(), week.prescribed(), onTarget);
        }
    }

    /** The page: its sessions newest first, a page of them at a time. */
    public record Page(Client client, Program program, NewestFirst<SessionLog> sessions, LocalDate today) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance progress(@RestQuery String page) {
        AssignmentService.ClientPlan mine = currentUser.clientId().flatMap(assignments::clientPlan)
                .orElseThrow(NotFoundException::new);
        ZoneId zone = currentUser.zone();
        int index = Paged.index(page);
        NewestFirst<SessionLog> sessions = NewestFirst.of(query.history(mine.client().id, index, PAGE_SIZE), index,
                PAGE_SIZE);
        return Templates.progress(new Page(mine.client(), program(mine.assignment(), mine.prescription(), zone),
                sessions, LocalDate.now(zone)));
    }

    private Program program(Assignment assignment, Prescription prescription, ZoneId zone) {
        if (assignment == null) {
            return null;
        }
        ProgramVersion version = io.backline.program.ProgramTexts.in(
                catalog.version(assignment.programVersionId).orElseThrow(), io.backline.web.i18n.Languages.current());
        Adherence.Report report = adherence.report(assignment, zone);
        List<SessionLog> recent = query.recent(assignment.id, CHART_SESSIONS);
        LocalDate today = LocalDate.now(zone);
        List<WeekRow> weeks = report.weeks().reversed().stream().limit(WEEKS_LISTED)
                .map(week -> WeekRow.of(week, today)).toList();
        SessionChartsCache.Charts charts = chartsCache.of(assignment, version, prescription, recent);
        return new Program(version, prescription, report, weeks, charts.holds(), charts.discomfort());
    }
}
