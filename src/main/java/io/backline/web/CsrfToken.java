package io.backline.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Whether this response can carry a CSRF token: Quarkus REST issues one for the requests it serves, not for a 404 on
 * a path no resource answers. The layout shows its sign-out button only then (a link to the sign-out page otherwise).
 */
@Named("csrfToken")
@RequestScoped
public class CsrfToken {
    @Inject
    CurrentVertxRequest request;

    public boolean isAvailable() {
        return request.getCurrent() != null && request.getCurrent().get("csrf_token") != null;
    }
}
