package io.backline.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.backline.audit.AuditTrail;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.config.BacklineConfig;
import io.backline.program.AssignmentService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The calendar feed a client's phone subscribes to, with no sign-in: the secret in the address names the client and
 * their clinic. An unknown, revoked or malformed secret, or an erased or deactivated client, answers 404; a paused,
 * ended or missing program answers an empty calendar, so the phone drops the planned days. Built on every request.
 */
@Path("/calendar")
@PermitAll
public class CalendarFeeds {
    /** Who the audit trail names for a calendar app fetching the feed: no account, so a fixed id. */
    static final UUID CALENDAR_ACTOR = new UUID(0, 2);
    static final String CALENDAR_ACTOR_NAME = "Calendar app (the client's subscription)";
    static final String READ = "calendar read planned sessions";
    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    @Inject
    CalendarFeedQuery query;
    @Inject
    CurrentClinic currentClinic;
    @Inject
    AssignmentService assignments;
    @Inject
    AuditTrail audit;
    @Inject
    BacklineConfig config;

    @GET
    @Path("{token}")
    public Response feed(@RestPath String token) {
        if (token == null || token.length() != 43) {
            return notFound();
        }
        CalendarFeedQuery.Live live = query.live(CalendarFeedService.hash(token)).orElse(null);
        if (live == null) {
            return notFound();
        }
        // The address, not a sign-in, names the clinic: from here on every query runs inside that clinic only.
        currentClinic.workFor(live.clinicId());
        AssignmentService.ClientPlan plan = assignments.clientPlan(live.clientId()).orElse(null);
        if (plan == null || !plan.client().active || plan.client().erasedAt != null) {
            return notFound();
        }
        ZoneId zone = Clinic.zoneOf(Clinic.findById(live.clinicId()));
        LocalDate today = LocalDate.now(zone);
        boolean planned = plan.assignment() != null && plan.assignment().isActive() && plan.prescription() != null;
        String body = SessionCalendar.of(planned ? plan.assignment().id : null, planned ? plan.prescription() : null,
                today, config.baseUrl() + "/today", plan.client().language);
        // Phones poll many times a day: the trail records the first read of each of the clinic's days.
        QuarkusTransaction.requiringNew().run(() -> {
            if (query.firstReadOn(live.id(), today)) {
                audit.recordBy(live.clientId(), CALENDAR_ACTOR, CALENDAR_ACTOR_NAME, READ, null);
            }
        });
        return Response.ok(body, MEDIA_TYPE).build();
    }

    private static Response notFound() {
        return Response.status(404).entity("Not found\n").type("text/plain; charset=utf-8").build();
    }
}
