package io.backline.home;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.backline.clinic.CurrentUser;
import io.backline.clinic.SignedIn;
import io.backline.dashboard.Dashboard;
import io.backline.practice.Today;
import io.backline.web.NoClinicException;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The front door: signs people in and sends each role to its home page. It sits above every feature (it links to
 * their pages), so nothing depends on it.
 */
@Path("/")
public class Home extends Controller {

    @Inject
    CurrentUser currentUser;
    @Inject
    Event<SignedIn> signedIn;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clinic();

        static native TemplateInstance signedOut();
    }

    @GET
    @Path("")
    @Authenticated
    public Response index() {
        if (currentUser.isOperator()) {
            return seeOther(Router.getURI(io.backline.directory.SharedDirectory::index));
        }
        if (currentUser.getClinic() == null) {
            throw new NoClinicException();
        }
        // Everyone lands here after signing in, so this is where a waiting invitation becomes accepted.
        signedIn.fire(new SignedIn(currentUser.userId()));
        if (currentUser.isTrainer()) {
            return seeOther(Router.getURI(Dashboard::dashboard, (String) null));
        }
        if (currentUser.isAdmin()) {
            return seeOther(Router.getURI(Home::clinic));
        }
        if (currentUser.isClient()) {
            return seeOther(Router.getURI(Today::todayPage));
        }
        throw new io.quarkus.security.ForbiddenException("No Backline role");
    }

    @GET
    @Path("clinic")
    @RolesAllowed(CurrentUser.ADMIN)
    public TemplateInstance clinic() {
        return Templates.clinic();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
