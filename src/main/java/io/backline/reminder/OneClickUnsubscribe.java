package io.backline.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.notify.UnsubscribeLinks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 8058's one-click unsubscribe: the mail client POSTs {@code List-Unsubscribe=One-Click} to the header's address,
 * with no cookies, so no CSRF token can be there. The signed token in the address is the whole credential, which is why
 * this is a plain Vert.x route outside the page resources (and their CSRF filter) rather than an exemption in it.
 */
@ApplicationScoped
public class OneClickUnsubscribe {
    private static final String PREFIX = "/unsubscribe/one-click/";

    @Inject
    UnsubscribeLinks links;
    @Inject
    UnsubscribeQuery query;

    static String path(String token) {
        return PREFIX + token;
    }

    void route(@Observes Router router) {
        router.post(PREFIX + ":token").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext routing) {
        boolean done = turnOff(routing.pathParam("token"));
        routing.response().setStatusCode(done ? 200 : 404).putHeader("Content-Type", "text/plain; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(done ? "Unsubscribed from reminder emails.\n" : "This link does not work.\n");
    }

    @ActivateRequestContext
    @Transactional
    boolean turnOff(String token) {
        return UnsubscribeQuery.reminders(links, token).map(query::turnOff).orElse(false);
    }
}
