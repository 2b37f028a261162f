package io.backline.privacy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.web.NewestFirst;
import io.backline.web.Paged;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Who looked at or changed the signed-in client's data, newest first, page by page: the whole trail about them, where
 * the today page used to show the last ten. The address names no one; the trail is the client's own in this clinic.
 */
@Path("/today/access")
@RolesAllowed(CurrentUser.CLIENT)
public class MyAccessLog extends Controller {
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditTrail audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(NewestFirst<AuditTrail.Entry> page);
    }

    @GET
    @Path("")
    public TemplateInstance list(@RestQuery String page) {
        UUID me = currentUser.clientId().orElseThrow(NotFoundException::new);
        int index = Paged.index(page);
        return Templates.list(NewestFirst.of(audit.forClient(me, Paged.PAGE_SIZE + 1, index * Paged.PAGE_SIZE), index,
                Paged.PAGE_SIZE));
    }
}
