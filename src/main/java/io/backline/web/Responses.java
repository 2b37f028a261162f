package io.backline.web;

import jakarta.ws.rs.core.Response;

/**
 * What an endpoint that may answer with a page, a redirect or a refusal returns. Such endpoints declare
 * {@link Response}, never {@code Object}: one resource method declared to return {@code Object} makes Quarkus REST
 * count every {@code @Path} interface on the class path (the Keycloak admin client's 73) as a sub-resource it might
 * reach, and set each one up at every start (docs/adr/0063).
 */
public final class Responses {
    private Responses() {
    }

    /** A Response as it is; anything else (a template, a page's text) as the 200 Quarkus REST would have made of it. */
    public static Response of(Object outcome) {
        if (outcome instanceof Response response) {
            return response;
        }
        return outcome == null ? Response.noContent().build() : Response.ok(outcome).build();
    }
}
