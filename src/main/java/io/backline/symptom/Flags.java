package io.backline.symptom;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CurrentUser;
import io.backline.symptom.FlagQueueQuery.QueueRow;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The trainer's flag queue and what they do with a flag; also recording a flag a client told them about. */
@Path("/flags")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Flags extends Controller {

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<QueueRow> rows, int page, boolean hasNext);

        static native TemplateInstance flag(SymptomFlag flag, Client client, List<FlagNote> timeline, String error,
                String suggestion);

        static native TemplateInstance record(Client client, Map<String, String> form, FormErrors errors,
                String requestKey, FlagForm.Choices choices);

        static native TemplateInstance draft(ReferralDraft draft, Client client, SymptomFlag flag, String specialty,
                String directorySpecialty);
    }

    @GET
    @Path("")
    public TemplateInstance queue(@RestQuery String page) {
        int pageIndex = io.backline.web.Paged.index(page);
        List<QueueRow> rows = review.queue(FlagBadge.scope(currentUser), pageIndex);
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
        return show(visibleFlag(id), null);
    }

    @POST
    @Path("{id}/acknowledge")
    public Response acknowledge(@RestPath String id, @RestForm String note) {
        SymptomFlag flag = visibleFlag(id);
        review.acknowledge(flag, currentUser.userId(), currentUser.getName(), limit(note));
        audit.record(flag.clientId, "acknowledged flag", flag.level.name());
        flash("message", "Acknowledged.");
        return seeOther("/flags/" + flag.id);
    }

    @POST
    @Path("{id}/note")
    public Object note(@RestPath String id, @RestForm String note) {
        SymptomFlag flag = visibleFlag(id);
        if (note == null || note.isBlank() || note.length() > 2000) {
            return Response.status(400).entity(show(flag, "Write a note of up to 2000 characters.")).build();
        }
        review.addNote(flag, currentUser.userId(), currentUser.getName(), note);
        audit.record(flag.clientId, "noted flag", null);
        return seeOther("/flags/" + flag.id);
    }

    @POST
    @Path("{id}/resolve")
    public Object resolve(@RestPath String id, @RestForm String note) {
        SymptomFlag flag = visibleFlag(id);
        try {
            review.resolve(flag, currentUser.userId(), currentUser.getName(), limit(note));
        } catch (FlagReview.NotAllowedYet e) {
            return Response.status(409).entity(show(flag, e.getMessage())).build();
        }
        audit.record(flag.clientId, "resolved flag", flag.level.name());
        flash("message", "Resolved.");
        return seeOther("/flags/" + flag.id);
    }

    @POST
    @Path("{id}/resume")
    public Object resume(@RestPath String id, @RestForm String reason) {
        SymptomFlag flag = visibleFlag(id);
        try {
            review.resumeProgram(flag, currentUser.getClinic(), currentUser.userId(), currentUser.getName(), limit(reason));
        } catch (FlagReview.NotAllowedYet e) {
            return Response.status(409).entity(show(flag, e.getMessage())).build();
        }
        audit.record(flag.clientId, "resumed program after flag", null);
        flash("message", "The program is running again.");
        return seeOther("/flags/" + flag.id);
    }

    @POST
    @Path("{id}/refer")
    public Object refer(@RestPath String id) {
        SymptomFlag flag = visibleFlag(id);
        ReferralDraft draft;
        try {
            draft = review.refer(flag, currentUser.userId(), currentUser.getName());
        } catch (FlagReview.NotAllowedYet e) {
            return Response.status(409).entity(show(flag, e.getMessage())).build();
        }
        audit.record(flag.clientId, "drafted referral", draft.suggestedSpecialty);
        return seeOther("/flags/drafts/" + draft.id);
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
        return Templates.draft(draft, client, flag, suggestion.label, directorySpecialty);
    }

    @GET
    @Path("record/{id}")
    public TemplateInstance recordForm(@RestPath String id) {
        Client client = access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
        return recordPage(client, FlagForm.blank(null).asMap(), new FormErrors());
    }

    @POST
    @Path("record/{id}")
    public Object record(@RestPath String id, @RestForm String type, @RestForm String severity,
            @RestForm String region, @RestForm String when, @RestForm List<String> sign,
            @RestForm String painBefore, @RestForm String description, @RestForm String requestKey) {
        Client client = access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
        FlagForm form = new FlagForm(type, severity, region, when, sign, painBefore, description, null);
        FormErrors errors = new FormErrors();
        FlagService.FlagInput input = form.check(errors);
        UUID key = errors.requestKey(requestKey);
        if (input == null || key == null) {
            return Response.status(400).entity(recordPage(client, form.asMap(), errors)).build();
        }
        SymptomFlag flag = flags.report(currentUser.getClinic(), client, input, currentUser.userId(), true, key).flag();
        audit.record(client.id, "recorded symptom", flag.level.name());
        return seeOther("/flags/" + flag.id);
    }

    private TemplateInstance show(SymptomFlag flag, String error) {
        Client client = access.visibleClient(flag.clientId).orElseThrow(NotFoundException::new);
        audit.record(client.id, "viewed flag", flag.level.name());
        return Templates.flag(flag, client, review.timeline(flag.id), error, ReferralSuggestion.forFlag(flag).label);
    }

    private TemplateInstance recordPage(Client client, Map<String, String> form, FormErrors errors) {
        return Templates.record(client, form, errors, UUID.randomUUID().toString(), FlagForm.Choices.all());
    }

    /** A flag of a client this person may see; anything else is simply not there. */
    private SymptomFlag visibleFlag(String id) {
        SymptomFlag flag = SymptomFlag.<SymptomFlag> find("id", Ids.parse(id)).firstResultOptional()
                .orElseThrow(NotFoundException::new);
        access.visibleClient(flag.clientId).orElseThrow(NotFoundException::new);
        return flag;
    }

    private static String limit(String text) {
        return text == null ? null : text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
