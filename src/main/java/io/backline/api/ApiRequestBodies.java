package io.backline.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a JSON API request's body in full on the I/O thread before the endpoint runs, rather than through a blocking
 * stream shared with the worker thread (docs/adr/0017). The bodies are small; larger ones are refused.
 */
@ApplicationScoped
public class ApiRequestBodies {
    /** Far above any body the API takes (a check-off with a 1,000-character note is under 2 KB). */
    static final long LIMIT_BYTES = 64 * 1024;

    void bufferApiBodies(@Observes Router router) {
        router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .order(RouteConstants.ROUTE_ORDER_BODY_HANDLER)
                .handler(BodyHandler.create(false).setBodyLimit(LIMIT_BYTES));
    }
}
