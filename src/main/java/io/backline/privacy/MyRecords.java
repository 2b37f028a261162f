package io.backline.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.people.Client;
import io.quarkiverse.renarde.Controller;

/**
 * A client downloads their own data, without asking the clinic: the zip an admin would export for them. The address
 * names no one; the record is the signed-in client's own in the clinic they signed in to.
 */
@Path("/today/my-data")
@RolesAllowed(CurrentUser.CLIENT)
public class MyRecords extends Controller {

    @Inject
    CurrentUser currentUser;
    @Inject
    ClientExport export;
    @Inject
    AuditTrail audit;

    @GET
    @Path("")
    public Response download() {
        Client me = Client.signedIn(currentUser);
        if (me.erasedAt != null) {
            throw new NotFoundException();
        }
        audit.recordView(me.id, ClientRecords.EXPORTED, "by the client");
        return export.download(me.id);
    }
}
