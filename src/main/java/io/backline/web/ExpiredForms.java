package io.backline.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.backline.web.form.SubmittedForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * A form whose CSRF token no longer matches (the browser dropped the cookie, or it expired after a long pause) is
 * refused by Quarkus with an empty 400. This turns that into a page that says what happened, shows what was typed,
 * and sends it again with a fresh token: nothing typed is lost, and nothing was saved.
 */
public class ExpiredForms {
    /*
     * Quarkus REST CSRF's own request attributes: with these set, its response filter (which runs after this one)
     * issues the cookie for the new token as it does on a page load. ExpiredFormTest fails if they change.
     */
    private static final String TOKEN = "csrf_token";
    private static final String TOKEN_BYTES = "csrf_token_bytes";
    private static final String NEW_COOKIE_REQUIRED = "true";
    private static final String VERIFIED = "csrf_token_verified";
    private static final int TOKEN_BYTE_COUNT = 16;

    private final SecureRandom random = new SecureRandom();

    @Inject
    SubmittedForm submitted;

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance expiredForm(String action, Map<String, String> values);
    }

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void explain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (!"POST".equals(request.getMethod()) || response.getStatus() != 400 || response.hasEntity()
                || routing.get(VERIFIED) != null || routing.normalizedPath().startsWith("/api/")) {
            return;
        }
        byte[] token = new byte[TOKEN_BYTE_COUNT];
        random.nextBytes(token);
        routing.put(TOKEN_BYTES, token);
        routing.put(TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        routing.put(NEW_COOKIE_REQUIRED, "true");
        response.setEntity(Templates.expiredForm(routing.normalizedPath(), new TreeMap<>(submitted.values())).render(),
                null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
