package io.backline.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.people.StaffMember;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.PrescriptionForm;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.safety.Clearances;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.RequestKey;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One prescription for several clients at once, under the single assignment's rules: only clients the staff member
 * may see, a clearance where one is needed, one open assignment of a program per client, each audited. Each client
 * is assigned in their own transaction, so one client refused (or changed meanwhile) does not hold back the others;
 * the page names who was assigned and who was not, and why.
 */
@Path("/group-assignments")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class GroupAssignments extends Controller {
    private static final String EXPIRED = "The form expired; please submit it again.";
    /** Clients offered; a longer caseload is assigned from each client's page. */
    private static final int LISTED = 500;

    @Inject
    ClientAccess access;
    @Inject
    CurrentUser currentUser;
    @Inject
    ProgramCatalog catalog;
    @Inject
    AssignmentService assignments;
    @Inject
    Clearances clearances;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    /** A client not assigned, and why, in words the trainer can act on. */
    public record Refusal(UUID clientId, String clientName, String reason) {
    }

    /** The form; {@code assigned} and {@code refused} are the outcome of a submit that refused some clients. */
    public record Page(List<Client> clients, Set<String> ticked, List<ProgramVersion> programs,
            Map<String, String> values, boolean failed, String requestKey, String selectedVersion,
            List<String> assigned, List<Refusal> refused) {
        public boolean isTicked(Client client) {
            return ticked.contains(client.id.toString());
        }

        public int maxLevels() {
            return programs.stream().mapToInt(p -> p.levelNameList().size()).max().orElse(1);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance form() {
        return Templates.form(page(Set.of(), PrescriptionForm.defaults(today()).asMap(), false, "", List.of(), List.of()));
    }

    @POST
    @Path("")
    public Response assign(@BeanParam @Valid PrescriptionForm form, @RestForm String programVersionId,
            @RestForm List<String> clientIds, @RestForm @RequestKey(message = EXPIRED) String requestKey) {
        // Every id must be a client this person may see before anything is checked or written: otherwise 404.
        Set<String> ticked = new LinkedHashSet<>(clientIds == null ? List.of() : clientIds);
        List<Client> chosen = new ArrayList<>();
        for (String id : ticked) {
            chosen.add(access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new));
        }
        if (chosen.isEmpty()) {
            validation.addError("clientIds", "Tick at least one client.");
        }
        ProgramVersion version = parse(programVersionId).flatMap(catalog::version).orElse(null);
        if (version == null) {
            validation.addError("programVersionId", "Choose a program.");
        } else {
            form.check(version, validation);
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.form(page(ticked, submitted.values(), true,
                    programVersionId, List.of(), List.of()))).build();
        }
        StaffMember me = StaffMember.signedIn(currentUser).orElseThrow(NotFoundException::new);
        List<String> assigned = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Client client : chosen) {
            // One key per client from the form's key: the same form sent twice finds each assignment it made.
            UUID key = UUID.nameUUIDFromBytes((requestKey.strip().toLowerCase() + "/" + client.id)
                    .getBytes(StandardCharsets.UTF_8));
            Optional<String> refusal = refusal(client, version, key);
            if (refusal.isPresent()) {
                refused.add(new Refusal(client.id, client.fullName, refusal.get()));
                continue;
            }
            switch (assignments.assign(client, version, form.input(), key, me.id, currentUser.userId(), today())) {
                case AssignmentService.Outcome.Created created -> {
                    audit.record(client.id, AuditTrail.ASSIGNED, version.title + " v" + version.version);
                    assigned.add(client.fullName);
                }
                case AssignmentService.Outcome.AlreadyCreated same -> assigned.add(client.fullName);
                case AssignmentService.Outcome.AlreadyOpen open ->
                    refused.add(new Refusal(client.id, client.fullName, "already follows this program"));
            }
        }
        if (refused.isEmpty()) {
            flash("message", "Assigned " + version.title + " to " + assigned.size() + " client"
                    + (assigned.size() == 1 ? "" : "s") + ": " + String.join(", ", assigned) + ".");
            return Responses.of(redirect(GroupAssignments.class).form());
        }
        // The refused stay ticked, to assign once the reason is dealt with; nothing refused was written.
        Set<String> stillTicked = new LinkedHashSet<>();
        refused.forEach(r -> stillTicked.add(r.clientId().toString()));
        return Response.status(assigned.isEmpty() ? 409 : 200).entity(Templates.form(page(stillTicked,
                submitted.values(), false, programVersionId, assigned, refused))).build();
    }

    /** Why this client cannot be assigned the program now, as the client page's single assign would refuse it. */
    private Optional<String> refusal(Client client, ProgramVersion version, UUID key) {
        Optional<Assignment> open = assignments.openAssignment(client.id, version.programId);
        if (open.isPresent() && open.get().requestKey.equals(key)) {
            return Optional.empty(); // this form's own, sent again: assign() answers "already created"
        }
        if (!client.active) {
            return Optional.of("is no longer active");
        }
        Clearances.Status status = clearances.status(client.id, currentUser.zone());
        if (status.needed()) {
            return Optional.of("needs a recorded clearance first (" + status.why() + ")");
        }
        if (open.isPresent()) {
            return Optional.of("already follows this program");
        }
        return Optional.empty();
    }

    private Page page(Set<String> ticked, Map<String, String> values, boolean failed, String selectedVersion,
            List<String> assigned, List<Refusal> refused) {
        return new Page(access.activeVisible(LISTED), ticked, catalog.latestVersions(), values, failed,
                UUID.randomUUID().toString(), selectedVersion == null ? "" : selectedVersion, assigned, refused);
    }

    private LocalDate today() {
        return LocalDate.now(currentUser.zone());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id == null ? "" : id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
