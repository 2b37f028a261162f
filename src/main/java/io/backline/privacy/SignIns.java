package io.backline.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.backline.clinic.CurrentUser;
import io.backline.web.Paged;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Sign-ins and failed sign-ins of the clinic's staff and clients, for clinic admins, from Keycloak's record. */
@Path("/clinic/sign-ins")
@RolesAllowed(CurrentUser.ADMIN)
public class SignIns extends Controller {

    @Inject
    SignInHistory history;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SignInHistory.Page page);
    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String page) {
        return Templates.index(history.page(Paged.index(page)));
    }
}
