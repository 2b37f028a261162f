package io.backline.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A provider keeps their own listing current (new clients, hours, languages) through the signed link emailed to the
 * listing's address; no account. Saving confirms the listing as of now, and each save is kept as a listing change.
 */
@Path("/listing/{id}")
@PermitAll
public class ListingUpdates extends Controller {

    @Inject
    ListingLinks links;
    @Inject
    Clock clock;
    @Inject
    Directory directory;
    @Inject
    SubmittedForm submitted;

    /** The link's parts, carried from the address into the form's hidden fields. */
    public record Proof(String expires, String key, String signature) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Provider provider, Proof proof, Map<String, String> form, boolean confirmedRecently);

        static native TemplateInstance refused(String title, String message);
    }

    @GET
    @Path("")
    public Response edit(@RestPath String id, @RestQuery String expires, @RestQuery String key, @RestQuery String signature) {
        Proof proof = new Proof(expires, key, signature);
        Object opened = open(id, proof);
        if (opened instanceof Response refused) {
            return refused;
        }
        Provider provider = (Provider) opened;
        Map<String, String> form = new HashMap<>();
        form.put("accepting", provider.acceptingNewClients ? "true" : "");
        form.put("hours", provider.hours == null ? "" : provider.hours);
        form.put("languages", provider.languages);
        return Responses.of(Templates.edit(provider, proof, form, directory.confirmedRecently(provider.confirmedAt)));
    }

    @POST
    @Path("")
    @Transactional
    public Response save(@RestPath String id, @RestForm String expires, @RestForm String key, @RestForm String signature,
            @RestForm String accepting,
            @RestForm @Size(max = 300, message = "Hours can be at most {max} characters.") String hours,
            @RestForm @NotBlank(message = "Name at least one language, e.g. English.")
            @Size(max = 200, message = "Languages can be at most {max} characters.") String languages) {
        Proof proof = new Proof(expires, key, signature);
        Object opened = open(id, proof);
        if (opened instanceof Response refused) {
            return refused;
        }
        Provider provider = Provider.findById(((Provider) opened).id, LockModeType.PESSIMISTIC_WRITE);
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.edit(provider, proof, submitted.values(),
                    directory.confirmedRecently(provider.confirmedAt))).build();
        }
        boolean nowAccepting = accepting != null;
        String newHours = Typed.text(hours).isEmpty() ? null : Typed.text(hours);
        String newLanguages = Typed.text(languages);
        List<String> changes = new ArrayList<>();
        if (provider.acceptingNewClients != nowAccepting) {
            changes.add("accepting new clients: " + yesNo(provider.acceptingNewClients) + " → " + yesNo(nowAccepting));
        }
        if (!Objects.equals(provider.hours, newHours)) {
            changes.add("hours: “" + Objects.toString(provider.hours, "") + "” → “" + Objects.toString(newHours, "") + "”");
        }
        if (!Objects.equals(provider.languages, newLanguages)) {
            changes.add("languages: “" + provider.languages + "” → “" + newLanguages + "”");
        }
        provider.acceptingNewClients = nowAccepting;
        provider.hours = newHours;
        provider.languages = newLanguages;
        provider.confirmedAt = clock.instant();
        ListingChange change = new ListingChange();
        change.id = UUID.randomUUID();
        change.providerId = provider.id;
        change.changedBy = "the provider, through the update link sent to " + provider.email;
        String described = changes.isEmpty() ? "confirmed without changes" : String.join("; ", changes);
        change.changes = described.length() > 2000 ? described.substring(0, 2000) : described;
        change.changedAt = provider.confirmedAt;
        change.persist();
        flash("message", changes.isEmpty() ? "Thank you: your listing is confirmed as it is."
                : "Thank you: your listing is saved and confirmed.");
        return seeOther(Router.getURI(ListingUpdates::edit, provider.id.toString(), expires, key, signature));
    }

    /** The listing behind a valid link, or the page that says why there is nothing to edit. */
    private Object open(String id, Proof proof) {
        UUID providerId = Ids.parseOrNull(id);
        Provider provider = providerId == null ? null : Provider.findById(providerId);
        if (provider == null) {
            return refused(404, "This link is not valid", "Check that you opened the whole link from the email.");
        }
        return switch (links.check(provider.id, proof.expires(), proof.key(), proof.signature())) {
            case VALID -> provider.email == null ? refused(404, "This link is not valid", "This listing has no email address.")
                    : provider;
            case EXPIRED -> refused(410, "This link has expired",
                    "Ask for a new one: the clinic's listing page has “Is this your listing? Email me a link to update it”.");
            case INVALID -> refused(404, "This link is not valid", "Check that you opened the whole link from the email.");
        };
    }

    private static Response refused(int status, String title, String message) {
        return Response.status(status).entity(Templates.refused(title, message)).build();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
