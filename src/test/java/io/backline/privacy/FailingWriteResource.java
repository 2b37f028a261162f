package io.backline.privacy;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.backline.clinic.CurrentClinic;
import io.backline.people.Client;

/**
 * Test only: a write that breaks a NOT NULL constraint on a row whose note holds what the caller sent, the way a bug
 * would, so that the error path's logging can be checked. It lives in the tests, never in the application.
 */
@Path("/test-only/failing-write")
@PermitAll
public class FailingWriteResource {
    private final CurrentClinic currentClinic;

    public FailingWriteResource(CurrentClinic currentClinic) {
        this.currentClinic = currentClinic;
    }

    // A GET, so that the test needs no CSRF token: this resource exists only in the tests.
    @GET
    @Transactional
    public String write(@QueryParam("note") String note) {
        currentClinic.workFor("rose-city");
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.notes = note; // and no name: PostgreSQL refuses the row and quotes it back
        client.persistAndFlush();
        return "saved";
    }
}
