package io.backline.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * The CSRF filter checks form posts; a page endpoint must therefore never accept a state change sent any other way
 * (an empty or text/plain POST would skip the token). The bearer-token API under /api is not cookie-based and is left
 * to its own content types.
 */
public class FormPostsOnly {

    @ServerRequestFilter(preMatching = true)
    public Response onlyFormsChangePages(HttpServerRequest request) {
        String method = request.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || request.path().startsWith("/api/")
                || request.path().startsWith("/q/")) {
            return null;
        }
        String type = request.getHeader("Content-Type");
        boolean form = type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)
                || type.startsWith(MediaType.MULTIPART_FORM_DATA));
        return form ? null : Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).build();
    }
}
