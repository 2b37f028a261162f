package io.backline.people;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;

import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.backline.clinic.CurrentUser;
import io.backline.web.i18n.Languages;
import io.quarkiverse.renarde.util.I18N;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Picks the language of each page (docs/adr/0045): the footer's switch (Renarde's language cookie), else the
 * language the person chose in Keycloak, else the browser's first supported one, else English. Staff pages stay in
 * English. A client's choice is kept on their row, so that emails written by jobs speak it too.
 */
public class LanguageChoice {
    /** Renarde's language cookie, which {@link I18N#set} writes. */
    public static final String COOKIE = "_renarde_locale";

    @Inject
    I18N i18n;
    @Inject
    CurrentUser currentUser;

    // After Renarde's own filter, which reads its cookie and an exact Accept-Language match.
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void choose(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        if (currentUser.isStaff()) {
            i18n.setForCurrentRequest(Languages.ENGLISH);
            return;
        }
        String language = chosen(request, http);
        i18n.setForCurrentRequest(language);
        if (currentUser.isClient() && !Context.isOnEventLoopThread()
                && !currentUser.clientLanguage().orElse(Languages.ENGLISH).equals(language)) {
            currentUser.clientId().ifPresent(id -> QuarkusTransaction.requiringNew()
                    .run(() -> Client.update("language = ?1 where id = ?2", language, id)));
        }
    }

    private String chosen(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        // Vert.x parses the cookies once per request, for the session cookie already; JAX-RS parses them per call.
        Cookie cookie = http.getCookie(COOKIE);
        if (cookie != null && Languages.supported(cookie.getValue()).isPresent()) {
            return Languages.supported(cookie.getValue()).get();
        }
        var fromKeycloak = currentUser.keycloakLocale().flatMap(Languages::supported);
        if (fromKeycloak.isPresent()) {
            return fromKeycloak.get();
        }
        for (var accepted : HeaderUtil.getAcceptableLanguages(request.getHeaders())) {
            var supported = Languages.supported(accepted.toLanguageTag());
            if (supported.isPresent()) {
                return supported.get();
            }
        }
        return Languages.ENGLISH;
    }
}
