package io.backline.people;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.backline.clinic.CurrentUser;

/** Staff pages about clients: the list a trainer works from, and one client's page. */
@Path("/clients")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Clients extends Controller {

    @Inject
    ClientAccess access;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(io.backline.web.Paged<Client> page, String q);

    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String q, @RestQuery String page) {
        return Templates.index(access.search(q, io.backline.web.Paged.index(page)), q == null ? "" : q);
    }

    static UUID parse(String id) {
        return io.backline.web.Ids.parse(id);
    }
}
