package io.backline.privacy;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.people.ClientProfile;
import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A clinic admin answers a client's request: a copy of their data, or its erasure. */
@Path("/clients/{id}/records")
@RolesAllowed(CurrentUser.ADMIN)
public class ClientRecords extends Controller {
    static final String EXPORTED = "exported data";

    @Inject
    ClientAccess access;
    @Inject
    ClientExport export;
    @Inject
    ClientErasure erasure;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erase(Client client, Map<String, String> form);
    }

    @GET
    @Path("export")
    public Response export(@RestPath String id) {
        Client client = client(id);
        if (client.erasedAt != null) {
            throw new NotFoundException();
        }
        audit.recordView(client.id, EXPORTED, null);
        return export.download(client.id);
    }

    @GET
    @Path("erase")
    public TemplateInstance confirmErase(@RestPath String id) {
        return Templates.erase(client(id), Map.of());
    }

    @POST
    @Path("erase")
    public Response erase(@RestPath String id, @RestForm String confirmName) {
        Client client = client(id);
        if (client.erasedAt != null) {
            flash("message", "This client's personal data was already erased.");
            return profileOf(client);
        }
        if (!Typed.text(confirmName).equalsIgnoreCase(client.fullName)) {
            validation.addError("confirmName",
                    "Type the client's full name exactly as shown (" + client.fullName + ") to confirm.");
            return Response.status(400).entity(Templates.erase(client, submitted.values())).build();
        }
        String name = client.fullName;
        erasure.erase(client);
        audit.record(client.id, "erased personal data", null);
        flash("message", "Erased " + name + "'s personal data. Their sessions and flags stay in the clinic's counts, without anything that identifies them.");
        return profileOf(client);
    }

    private Response profileOf(Client client) {
        return seeOther(Router.getURI(ClientProfile::profile, client.id.toString()));
    }

    private Client client(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
