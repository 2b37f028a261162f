package io.backline.directory;

import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.RouteTemplate;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Looking providers up: anyone on staff searches by specialty, place, free text and distance; the filters live in
 * the address. When the search starts from a client (or a flag), each result offers to refer that client.
 */
@Path("/directory")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Providers extends Controller {

    @Inject
    Directory directory;
    @Inject
    Clock clock;

    /** At most one update link per listing in this time, whoever asks. */
    static final Duration UPDATE_LINK_EVERY = Duration.ofHours(1);

    /** The client (and flag) a search was started for, carried to the referral form; null when absent. */
    public record ReferringFor(String client, String flag) {
        public boolean present() {
            return client != null;
        }

        /** What the pager's links carry of it: nothing when no referral is under way. */
        public String pagerQuery() {
            return present() ? "client=" + client + (flag == null ? "" : "&flag=" + flag) + "&" : "";
        }
    }

    /**
     * A hit with its links, and the specialty choices with the one searched for: worked out here rather than in the
     * template's loops, where each use of an outer name ({@code referringFor}, {@code search}) made Qute try every value
     * resolver on the loop's element and on the layout's context before finding it in the page's data, a tenth of the
     * page's CPU in a JFR profile for the 20 hits of a page.
     */
    public record Row(Directory.Hit hit, String href, String referHref) {
    }

    public record SpecialtyChoice(Specialty specialty, boolean selected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(DirectorySearch search, Directory.Result result, List<Row> rows,
                List<SpecialtyChoice> specialties, ReferringFor referringFor);

        static native TemplateInstance provider(Provider provider, boolean favourite, ReferringFor referringFor,
                boolean confirmedRecently);
    }

    /**
     * The search page. Its filters come as one record, which Renarde's {@code uri:} leaves out of the links it builds:
     * {@code {uri:Providers.index(null, null, null)}} is the plain page, and {@link DirectoryLinks} adds filters.
     */
    @GET
    @Path("")
    public TemplateInstance index(@BeanParam DirectorySearch search, @RestQuery String client, @RestQuery String flag) {
        Directory.Result result = directory.search(search);
        ReferringFor referringFor = referringFor(client, flag);
        return Templates.index(search, result, rows(result, referringFor), specialtyChoices(search.specialtyValue()), referringFor);
    }

    /** A result's link, built once: twenty per page (docs/adr/0032). */
    private static final RouteTemplate PROVIDER = RouteTemplate.withId(id -> Router.getURI(Providers::provider, id, null, null));

    private static List<Row> rows(Directory.Result result, ReferringFor referringFor) {
        return result.hits().stream().map(hit -> {
            String id = hit.provider().id().toString();
            String href = referringFor.present()
                    ? Router.getURI(Providers::provider, id, referringFor.client(), referringFor.flag()).toString()
                    : PROVIDER.with(id);
            // By name: the referral package uses the directory, so a typed reference back would make a cycle.
            String referHref = referringFor.present() && hit.provider().acceptsTrainerReferrals()
                    ? Router.findURI("Referrals.create", false, id, referringFor.client(), referringFor.flag()).toString()
                    : null;
            return new Row(hit, href, referHref);
        }).toList();
    }

    private static List<SpecialtyChoice> specialtyChoices(Specialty searched) {
        return Arrays.stream(Specialty.values()).map(specialty -> new SpecialtyChoice(specialty, specialty == searched)).toList();
    }

    @GET
    @Path("{id}")
    public TemplateInstance provider(@RestPath String id, @RestQuery String client, @RestQuery String flag) {
        Provider provider = visible(id);
        return Templates.provider(provider, directory.isFavourite(provider.id), referringFor(client, flag),
                directory.confirmedRecently(provider.confirmedAt));
    }

    @POST
    @Path("{id}/favourite")
    public Response toggleFavourite(@RestPath String id) {
        Provider provider = visible(id);
        if (FavouriteProvider.delete("providerId", provider.id) == 0) {
            FavouriteProvider favourite = new FavouriteProvider();
            favourite.providerId = provider.id;
            favourite.persist();
            flash("message", provider.fullName + " is now one of the clinic's favourites.");
        } else {
            flash("message", provider.fullName + " is no longer a favourite.");
        }
        return Responses.of(redirect(Providers.class).provider(provider.id.toString(), null, null));
    }

    /**
     * "Is this your listing? Email me a link to update it": the link goes to the listing's own address only, at most
     * once an hour whichever clinic asks, through the listing outbox.
     */
    @POST
    @Path("{id}/update-link")
    @Transactional
    public Response requestUpdateLink(@RestPath String id) {
        Provider provider = Provider.findById(visible(id).id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (provider.email == null || provider.email.isBlank()) {
            flash("message", "This listing has no email address, so no link can be sent.");
        } else if (provider.updateLinkRequestedAt != null && provider.updateLinkRequestedAt.isAfter(now.minus(UPDATE_LINK_EVERY))) {
            flash("message", "A link to update this listing was sent to its address less than an hour ago.");
        } else {
            provider.updateLinkRequestedAt = now;
            ListingMail mail = new ListingMail();
            mail.id = UUID.randomUUID();
            mail.providerId = provider.id;
            mail.recipientEmail = provider.email;
            mail.sendAfter = Instant.now(); // the outbox's own time, as its sender reads it
            mail.createdAt = mail.sendAfter;
            mail.persist();
            flash("message", "A link to update this listing is on its way to the listing's address.");
        }
        return Responses.of(redirect(Providers.class).provider(provider.id.toString(), null, null));
    }

    private Provider visible(String id) {
        return directory.visible(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }

    /** Ids people can edit in the address: a malformed one is left out, and a flag only comes with a client. */
    private static ReferringFor referringFor(String client, String flag) {
        UUID clientId = Ids.parseOrNull(client);
        UUID flagId = clientId == null ? null : Ids.parseOrNull(flag);
        return new ReferringFor(clientId == null ? null : clientId.toString(), flagId == null ? null : flagId.toString());
    }
}
