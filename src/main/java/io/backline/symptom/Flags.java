package io.backline.symptom;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CurrentUser;
import io.backline.symptom.FlagQueueQuery.QueueRow;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The trainer's flag queue and what they do with a flag; also recording a flag a client told them about. */
@Path("/flags")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Flags extends Controller {
    private static final int MAX_NOTE = 2000;
    private static final String NOTE = "Write a note of up to 2000 characters.";
    /** The page's message when a step is not allowed yet (acknowledge before resolving, a clearance first). */
    static final String NOT_YET = "flag";

    @Inject
    CurrentUser currentUser;
    @Inject
    ClientAccess access;
    @Inject
    FlagReview review;
    @Inject
    FlagService flags;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<QueueRow> rows, int page, boolean hasNext);

        static native TemplateInstance flag(SymptomFlag flag, Client client, List<FlagNote> timeline,
                String suggestion);

        static native TemplateInstance record(Client client, Map<String, String> form, String requestKey,
                FlagForm.Choices choices);

        /** {@code flagId}: the flag's id for the directory's link, null without a flag. */
        static native TemplateInstance draft(ReferralDraft draft, Client client, SymptomFlag flag, String flagId,
                String specialty, String directorySpecialty);
    }

    @GET
    @Path("")
    public TemplateInstance queue(@RestQuery String page) {
        int pageIndex = io.backline.web.Paged.index(page);
        List<QueueRow> rows = review.queue(FlagBadge.scope(currentUser), pageIndex);
        audit.recordView(AuditSubject.clinic(), AuditTrail.VIEWED_FLAG_QUEUE, "page " + (pageIndex + 1));
        return Templates.queue(rows, pageIndex + 1, rows.size() == FlagReview.PAGE_SIZE);
    }

    /** For the layout's badge, polled by the page so the queue shows new flags without a reload. */
    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> count() {
        return Map.of("open", currentUser.openFlagCount());
    }

    @GET
    @Path("{id}")
    public TemplateInstance flag(@RestPath String id) {
        return show(visibleFlag(id));
    }

    @POST
    @Path("{id}/acknowledge")
    public Response acknowledge(@RestPath String id, @RestForm @Size(max = MAX_NOTE, message = NOTE) String note) {
        SymptomFlag flag = visibleFlag(id);
        if (validation.hasErrors()) {
            return refused(400, flag);
        }
        review.acknowledge(flag, currentUser.userId(), currentUser.getName(), note);
        audit.record(flag.clientId, "acknowledged flag", flag.level.name());
        flash("message", "Acknowledged.");
        return Responses.of(redirect(Flags.class).flag(flag.id.toString()));
    }

    @POST
    @Path("{id}/note")
    public Response note(@RestPath String id,
            @RestForm @NotBlank(message = NOTE) @Size(max = MAX_NOTE, message = NOTE) String note,
            @RestForm boolean share) {
        SymptomFlag flag = visibleFlag(id);
        if (validation.hasErrors()) {
            return refused(400, flag);
        }
        review.addNote(flag, currentUser.userId(), currentUser.getName(), note, share);
        audit.record(flag.clientId, share ? "noted flag, shared with the client" : "noted flag", null);
        return Responses.of(redirect(Flags.class).flag(flag.id.toString()));
    }

    @POST
    @Path("{id}/resolve")
    public Response resolve(@RestPath String id, @RestForm @Size(max = MAX_NOTE, message = NOTE) String note) {
        SymptomFlag flag = visibleFlag(id);
        if (validation.hasErrors()) {
            return refused(400, flag);
        }
        try {
            review.resolve(flag, currentUser.userId(), currentUser.getName(), note);
        } catch (FlagReview.NotAllowedYet e) {
            validation.addError(NOT_YET, e.getMessage());
            return refused(409, flag);
        }
        audit.record(flag.clientId, "resolved flag", flag.level.name());
        flash("message", "Resolved.");
        return Responses.of(redirect(Flags.class).flag(flag.id.toString()));
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@RestPath String id, @RestForm @Size(max = MAX_NOTE, message = NOTE) String reason) {
        SymptomFlag flag = visibleFlag(id);
        if (validation.hasErrors()) {
            return refused(400, flag);
        }
        try {
            review.resumeProgram(flag, currentUser.getClinic(), currentUser.userId(), currentUser.getName(), reason);
        } catch (FlagReview.NotAllowedYet e) {
            validation.addError(NOT_YET, e.getMessage());
            return refused(409, flag);
        }
        audit.record(flag.clientId, "resumed program after flag", null);
        flash("message", "The program is running again.");
        return Responses.of(redirect(Flags.class).flag(flag.id.toString()));
    }

    @POST
    @Path("{id}/refer")
    public Response refer(@RestPath String id) {
        SymptomFlag flag = visibleFlag(id);
        ReferralDraft draft;
        try {
            draft = review.refer(flag, currentUser.userId(), currentUser.getName());
        } catch (FlagReview.NotAllowedYet e) {
            validation.addError(NOT_YET, e.getMessage());
            return refused(409, flag);
        }
        audit.record(flag.clientId, "drafted referral", draft.suggestedSpecialty);
        return Responses.of(redirect(Flags.class).draft(draft.id.toString()));
    }

    @GET
    @Path("drafts/{id}")
    public TemplateInstance draft(@RestPath String id) {
        ReferralDraft draft = ReferralDraft.<ReferralDraft> find("id", Ids.parse(id)).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        Client client = access.visibleClient(draft.clientId).orElseThrow(NotFoundException::new);
        SymptomFlag flag = draft.flagId == null ? null
                : SymptomFlag.<SymptomFlag> find("id", draft.flagId).firstResult();
        ReferralSuggestion suggestion = ReferralSuggestion.valueOf(draft.suggestedSpecialty);
        // "Chiropractor or physical therapist" starts the search at chiropractors; the trainer can widen it.
        String directorySpecialty = suggestion == ReferralSuggestion.CHIROPRACTOR_OR_PHYSICAL_THERAPIST ? "CHIROPRACTOR"
                : suggestion.name();
        return Templates.draft(draft, client, flag, flag == null ? null : flag.id.toString(), suggestion.label,
                directorySpecialty);
    }

    @GET
    @Path("record/{id}")
    public TemplateInstance recordForm(@RestPath String id) {
        Client client = access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
        return recordPage(client, FlagForm.blank(null));
    }

    @POST
    @Path("record/{id}")
    public Response record(@RestPath String id, @BeanParam FlagForm sent) {
        Client client = access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
        FlagForm form = sent.withoutSession();
        flags.check(form).forEach(validation::addError);
        if (validation.hasErrors()) {
            return Response.status(400).entity(recordPage(client, form.shown(submitted.values()))).build();
        }
        SymptomFlag flag = flags.report(currentUser.getClinic(), client, form.input(), currentUser.userId(), true,
                form.key()).flag();
        audit.record(client.id, "recorded symptom", flag.level.name());
        return Responses.of(redirect(Flags.class).flag(flag.id.toString()));
    }

    private TemplateInstance show(SymptomFlag flag) {
        Client client = access.visibleClient(flag.clientId).orElseThrow(NotFoundException::new);
        audit.recordView(client.id, "viewed flag", flag.level.name());
        return Templates.flag(flag, client, review.timeline(flag.id), ReferralSuggestion.forFlag(flag).label);
    }

    /** The flag's page again, with the message of what was refused (a note's length, or a step not allowed yet). */
    private Response refused(int status, SymptomFlag flag) {
        return Response.status(status).entity(show(flag)).build();
    }

    private TemplateInstance recordPage(Client client, Map<String, String> form) {
        return Templates.record(client, form, UUID.randomUUID().toString(), FlagForm.Choices.all());
    }

    /** A flag of a client this person may see; anything else is simply not there. */
    private SymptomFlag visibleFlag(String id) {
        SymptomFlag flag = SymptomFlag.<SymptomFlag> find("id", Ids.parse(id)).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        access.visibleClient(flag.clientId).orElseThrow(NotFoundException::new);
        return flag;
    }
}
