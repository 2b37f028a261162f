package io.backline.privacy;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
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
    static final int PAGE_SIZE = Paged.PAGE_SIZE;

    @Inject
    CurrentUser currentUser;
    @Inject
    AuditTrail audit;

    /** One page of the trail; {@code number} from 1. */
    public record Page(List<AuditTrail.Entry> entries, int number, boolean hasNext) {
        public boolean hasPrevious() {
            return number > 1;
        }

        public String previous() {
            return String.valueOf(number - 1);
        }

        public String next() {
            return String.valueOf(number + 1);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance list(@RestQuery String page) {
        UUID me = currentUser.clientId().orElseThrow(NotFoundException::new);
        int index = Paged.index(page);
        // One more than a page tells whether another follows, without counting the whole trail.
        List<AuditTrail.Entry> found = audit.forClient(me, PAGE_SIZE + 1, index * PAGE_SIZE);
        boolean hasNext = found.size() > PAGE_SIZE;
        return Templates.list(new Page(hasNext ? found.subList(0, PAGE_SIZE) : found, index + 1, hasNext));
    }
}
