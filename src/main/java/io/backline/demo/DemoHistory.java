package io.backline.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.config.BacklineConfig;
import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode's living demo (docs/adr/0042): at each start, the demo clinics' clients get a history relative to today
 * (program, sessions, flags, referrals, messages, reminders) and each clinic a pending invitation. What an earlier
 * start built is deleted first, in the same transaction, so nothing is there twice. Off unless
 * {@code backline.demo.history} is true, which only {@code %dev} sets.
 */
@ApplicationScoped
public class DemoHistory {
    /** The audit trail's actor: the builder is not a person, and says so. */
    static final UUID ACTOR = UUID.fromString("80f5062e-f0ba-5123-a616-7a5b04b43a0d");
    static final String ACTOR_NAME = "Backline demo data";

    @Inject
    BacklineConfig config;
    @Inject
    Clock clock;
    @Inject
    DemoHistoryQuery query;
    @Inject
    ProgramCatalog catalog;
    @Inject
    DemoPractice practice;
    @Inject
    DemoReferrals referrals;
    @Inject
    DemoConversations conversations;
    @Inject
    DemoInvitation invitation;
    @Inject
    AuditTrail audit;

    // After SchemaVersion's start observer (the default priority), which has the built-in program seeded.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (config.demo().history()) {
            rebuild();
        }
    }

    /** Every demo clinic's history, each clinic in one transaction of its own. */
    public void rebuild() {
        Instant now = clock.instant();
        for (DemoCast cast : DemoCast.CLINICS) {
            var context = Arc.container().requestContext();
            boolean ownContext = !context.isActive(); // a test calling this already has one
            if (ownContext) {
                context.activate();
            }
            try {
                // Outside a request the clinic is named explicitly; the tenant resolver reads it from here.
                Arc.container().instance(CurrentClinic.class).get().workFor(cast.clinicId());
                int clients = QuarkusTransaction.requiringNew().call(() -> rebuild(cast, now));
                Log.infof("Demo history rebuilt for %d clients of clinic %s", clients, cast.clinicId());
            } finally {
                if (ownContext) {
                    context.terminate();
                }
            }
        }
    }

    private int rebuild(DemoCast cast, Instant now) {
        Clinic clinic = Clinic.findById(cast.clinicId());
        Optional<StaffMember> admin = staff(cast.email("admin"));
        if (clinic == null || admin.isEmpty()) {
            return 0; // not the demo data of db/demo
        }
        DemoTime time = new DemoTime(now, Clinic.zoneOf(clinic));
        List<UUID> clientIds = new ArrayList<>();
        for (DemoCast.Caseload caseload : cast.caseloads()) {
            caseload.clients().forEach(part -> client(cast.clientEmail(part.number())).ifPresent(c -> clientIds.add(c.id)));
        }
        query.clear(clientIds.isEmpty() ? List.of(ACTOR) : clientIds, List.of(cast.invitee().invitationId()));

        ProgramVersion version = catalog.latest(catalog.builtIn().id);
        int built = 0;
        boolean first = true;
        for (DemoCast.Caseload caseload : cast.caseloads()) {
            Optional<StaffMember> trainer = staff(cast.email(caseload.trainer()));
            List<DemoClient> clients = new ArrayList<>();
            for (DemoCast.Part part : caseload.clients()) {
                Optional<Client> client = client(cast.clientEmail(part.number()));
                if (trainer.isPresent() && client.isPresent()) {
                    clients.add(practice.build(clinic, version, client.get(), trainer.get(), part, time));
                }
            }
            for (DemoClient client : clients) {
                conversations.build(client, time);
                conversations.reminders(client, time);
            }
            if (clients.size() == caseload.clients().size()) {
                referrals.build(clinic, clients, first, time);
            }
            built += clients.size();
            first = false;
        }
        invitation.build(cast, admin.get(), time);
        query.settleNotificationMail(clientIds.isEmpty() ? List.of(ACTOR) : clientIds);
        audit.recordBy(AuditSubject.clinic(), ACTOR, ACTOR_NAME, AuditTrail.REBUILT_DEMO_HISTORY,
                built + " clients, relative to " + time.today());
        return built;
    }

    private static Optional<StaffMember> staff(String email) {
        return StaffMember.find("email = ?1 and active", email).firstResultOptional();
    }

    private static Optional<Client> client(String email) {
        return Client.find("email = ?1 and active and erasedAt is null", email).firstResultOptional();
    }
}
