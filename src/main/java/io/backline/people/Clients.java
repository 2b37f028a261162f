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

/** Staff pages about clients: the list a trainer works from, and one client's page. */
@Path("/clients")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Clients extends Controller {

    @Inject
    ClientAccess access;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(ClientAccess.ClientPage page, String q);

    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String q, @RestQuery String page) {
        return Templates.index(access.search(q, pageIndex(page)), q == null ? "" : q);
    }

    /** Page numbers come from links people can edit: anything odd means the first page. */
    public static int pageIndex(String page) {
        try {
            return Math.max(0, Integer.parseInt(page == null ? "1" : page.strip()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static UUID parse(String id) {
        return io.backline.web.Ids.parse(id);
    }
}
