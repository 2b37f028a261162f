package io.backline.keycloak;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.backline.web.i18n.Texts;
import io.backline.web.ErrorPages;
import io.quarkus.logging.Log;

/**
 * What a person sees when a change that needs Keycloak or the mail server (resending or revoking an invitation,
 * deactivating or reactivating someone, erasing a client), or a page read from Keycloak (sign-ins), cannot get
 * through: a page that says to try again, not a 500. The change's transaction has rolled back by then, and Backline's own records decide who may sign in, so what
 * Keycloak may have done before it stopped answering grants no access; trying again picks up from there.
 */
public class KeycloakUnavailablePage {

    @ServerExceptionMapper
    public Response unavailable(KeycloakAccounts.KeycloakUnavailable e, UriInfo uri, Request request) {
        // Backline's own wording, without the request's data (the cause's message can hold an address).
        Log.warnf("%s, on %s", e.getMessage(), uri.getPath());
        return ErrorPages.page(uri, 503, Texts.get("error.unavailable.title"), Texts.get(
                HttpMethod.GET.equals(request.getMethod()) ? "error.unavailable.page" : "error.unavailable.notSaved"));
    }
}
