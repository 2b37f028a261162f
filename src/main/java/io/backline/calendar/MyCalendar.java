package io.backline.calendar;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.backline.clinic.CurrentUser;
import io.backline.config.BacklineConfig;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The client's calendar address: make one, copy it (shown once, on the page that made it: only its hash is kept),
 * replace it or stop it.
 */
@Path("/today/calendar")
@RolesAllowed(CurrentUser.CLIENT)
public class MyCalendar extends Controller {
    @Inject
    CurrentUser currentUser;
    @Inject
    CalendarFeedService feeds;
    @Inject
    BacklineConfig config;

    /** A newly made address, as https and as webcal (which phones open in their calendar app). */
    public record Address(String https, String webcal) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code since}: when the live address was made, or null; {@code address}: only right after making it. */
        static native TemplateInstance show(Instant since, Address address);
    }

    @GET
    @Path("")
    public TemplateInstance show() {
        return Templates.show(feeds.live(me()).map(feed -> feed.createdAt).orElse(null), null);
    }

    /** Answers with the page itself, not a redirect: the secret must not travel in a flash cookie or an address. */
    @POST
    @Path("")
    public TemplateInstance make() {
        UUID me = me();
        String token = feeds.replace(me);
        String https = config.baseUrl() + "/calendar/" + token;
        Address address = new Address(https, https.replaceFirst("^https?://", "webcal://"));
        return Templates.show(Instant.now(), address);
    }

    @POST
    @Path("revoke")
    public TemplateInstance revoke() {
        flash("message", io.backline.web.i18n.Texts.get(feeds.revoke(me()) ? "calendar.stopped" : "calendar.noneToStop"));
        return redirect(MyCalendar.class).show();
    }

    private UUID me() {
        return currentUser.clientId().orElseThrow(NotFoundException::new);
    }
}
