package io.backline.home;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Signing out is a POST with the form's CSRF token, so no other site can sign a user out with an image tag. It ends
 * the app's session, then Keycloak's (its end-session endpoint, which comes back to the signed-out page).
 */
@Path("/")
public class SignOut extends Controller {

    @Inject
    OidcSession session;
    @Inject
    OidcConfigurationMetadata keycloak;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm();
    }

    /** The old sign-out address, and anyone who follows a link to it: asks first. */
    @GET
    @Path("logout")
    @PermitAll
    public TemplateInstance confirm() {
        return Templates.confirm();
    }

    @POST
    @Path("sign-out")
    @Authenticated
    public Response signOut() {
        String idToken = session.getIdToken().getRawToken();
        session.logout().await().indefinitely();
        URI signedOut = uriInfo.getBaseUriBuilder().path(Router.getURI(Home::signedOut).getPath()).build();
        return Response.seeOther(UriBuilder.fromUri(keycloak.getEndSessionUri())
                .queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", signedOut)
                .build()).build();
    }
}
