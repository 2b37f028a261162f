package io.backline.invitation;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.backline.web.ErrorPages;

/**
 * What a person sees when a change that needs Keycloak (resending or revoking an invitation, deactivating or
 * reactivating someone, erasing a client) cannot reach it: a page that says to try again, not a 500. The change's
 * transaction has rolled back by then, and Backline's own records decide who may sign in, so nothing is half-done
 * that matters; trying again finishes what Keycloak may have done in part.
 */
public class KeycloakUnavailablePage {

    @ServerExceptionMapper
    public jakarta.ws.rs.core.Response unavailable(KeycloakAccounts.KeycloakUnavailable e, UriInfo uri) {
        return ErrorPages.page(uri, 503, "Please try again in a minute",
                "Backline could not reach the sign-in service just now, so nothing was saved. Please try again in a minute.");
    }
}
