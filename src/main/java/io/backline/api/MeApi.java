package io.backline.api;

import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentUser;
import io.backline.web.NoClinicException;
import io.smallrye.common.annotation.NonBlocking;

/** Who the bearer token belongs to: the starting point of a mobile app. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ CurrentUser.ADMIN, CurrentUser.TRAINER, CurrentUser.CLIENT })
@Tag(name = "Me", description = "Who the token belongs to")
@SecurityRequirement(name = ApiDocumentFilter.BEARER, scopes = { CurrentUser.ADMIN, CurrentUser.TRAINER, CurrentUser.CLIENT })
public class MeApi {

    @Inject
    CurrentUser currentUser;

    public record Me(String name, String clinicId, String clinicName, List<String> roles) {
    }

    /** Answers on the I/O thread: everything it says was read with the person's membership, so it waits on nothing. */
    @GET
    @NonBlocking
    @Operation(summary = "The signed-in person: name, clinic and roles")
    public Me me() {
        Clinic clinic = currentUser.getClinic();
        if (clinic == null) {
            throw new NoClinicException();
        }
        List<String> roles = Stream.of(CurrentUser.ADMIN, CurrentUser.TRAINER, CurrentUser.CLIENT)
                .filter(role -> switch (role) {
                    case CurrentUser.ADMIN -> currentUser.isAdmin();
                    case CurrentUser.TRAINER -> currentUser.isTrainer();
                    default -> currentUser.isClient();
                })
                .toList();
        return new Me(currentUser.getName(), clinic.id, clinic.name, roles);
    }
}
