package io.backline.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 8058's one-click unsubscribe: the mail client POSTs {@code List-Unsubscribe=One-Click} to the header's address,
 * with no cookies, so no CSRF token can be there. The signed token in the address is the whole credential, which is why
 * this is a plain Vert.x route outside the page resources (and their CSRF filter) rather than an exemption in it. The
 * token's kind picks the emails it turns off ({@link EmailSwitch}).
 */
@ApplicationScoped
public class OneClickUnsubscribe {
    private static final String PREFIX = "/unsubscribe/one-click/";

    @Inject
    EmailSwitches switches;

    public static String path(String token) {
        return PREFIX + token;
    }

    void route(@Observes Router router) {
        router.post(PREFIX + ":token").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext routing) {
        String label = turnOff(routing.pathParam("token"));
        routing.response().setStatusCode(label != null ? 200 : 404)
                .putHeader("Content-Type", "text/plain; charset=UTF-8").putHeader("Cache-Control", "no-store")
                .end(label != null ? "Unsubscribed from " + label + ".\n" : "This link does not work.\n");
    }

    /** What was turned off, or null when the link is tampered with, expired or names no one. */
    @ActivateRequestContext
    @Transactional
    String turnOff(String token) {
        return switches.find(token).filter(EmailSwitches.Found::turnOff).map(found -> found.emailSwitch().label())
                .orElse(null);
    }
}
