package io.backline.people;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.i18n.Languages;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkiverse.renarde.util.I18N;

/** The footer's "English / Español" switch: Renarde's language cookie keeps the choice in this browser. */
@Path("/language")
public class LanguageSwitch extends Controller {
    @Inject
    I18N i18n;
    @Inject
    HttpHeaders headers;

    @POST
    @Path("")
    @PermitAll
    public Response change(@RestForm String language) {
        Languages.supported(language).ifPresent(i18n::set);
        return Response.seeOther(back()).build();
    }

    /** Back to the page the switch was on: only a path of this site (the Referer), never another site. */
    private URI back() {
        String referer = headers.getHeaderString("Referer");
        try {
            URI page = referer == null ? null : URI.create(referer);
            URI site = uriInfo.getBaseUri();
            if (page != null && page.getRawPath() != null && page.getRawPath().startsWith("/")
                    && (page.getHost() == null || page.getHost().equals(site.getHost()) && page.getPort() == site.getPort())) {
                return URI.create(page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery()));
            }
        } catch (IllegalArgumentException malformed) {
            // back to the start
        }
        // Named, not referenced: the front door sits above this package.
        return Router.findURI("Home.index", false);
    }
}
