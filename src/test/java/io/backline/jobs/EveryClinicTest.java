package io.backline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backline.clinic.CurrentClinic;
import io.backline.people.Client;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/** Background work visits only the clinics with something due, each one seeing its own data only. */
@QuarkusTest
class EveryClinicTest {
    @Inject
    EveryClinic everyClinic;

    @Test
    void onlyTheClinicsWithSomethingDueAreVisitedEachWithinItsOwnData() {
        List<String> visited = new CopyOnWriteArrayList<>();
        List<Long> foreignClients = new CopyOnWriteArrayList<>();
        everyClinic.runWhereDue("test", "select id from clinic where id = 'cedar-hills'", clinic -> {
            visited.add(Arc.container().instance(CurrentClinic.class).get().requireId());
            foreignClients.add(Client.count("clinicId <> ?1", clinic.id));
        });
        assertEquals(List.of("cedar-hills"), visited);
        assertEquals(List.of(0L), foreignClients, "the tenant filter hides every other clinic's clients");

        everyClinic.runWhereDue("test", "select id from clinic where false", clinic -> visited.add(clinic.id));
        assertEquals(List.of("cedar-hills"), visited, "nothing due: no clinic visited");
    }
}
