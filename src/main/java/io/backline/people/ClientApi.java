package io.backline.people;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.backline.api.ApiDocumentFilter;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;

/** Clients over the bearer-token API, under the same care-team and clinic rules as the pages. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
@Tag(name = "Clients", description = "A trainer's or clinic admin's view of one client")
@SecurityRequirement(name = ApiDocumentFilter.BEARER, scopes = { CurrentUser.TRAINER, CurrentUser.ADMIN })
public class ClientApi {

    @Inject
    ClientAccess access;
    @Inject
    AuditTrail audit;

    public record ClientView(UUID id, String fullName, String preferredName, String email) {
        static ClientView of(Client client) {
            return new ClientView(client.id, client.fullName, client.preferredName, client.email);
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One client of the clinic the trainer may see; 404 for any other id")
    public ClientView get(@RestPath String id) {
        Client client = access.visibleClient(Clients.parse(id)).orElseThrow(NotFoundException::new);
        audit.recordView(client.id, AuditTrail.READ_CLIENT_THROUGH_API, null);
        return ClientView.of(client);
    }
}
