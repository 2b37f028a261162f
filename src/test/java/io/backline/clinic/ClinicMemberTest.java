package io.backline.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The clinic read with the sign-in's membership is the clinic's whole row, so pages can rely on any of its fields. */
@QuarkusTest
class ClinicMemberTest {

    @Inject
    ClinicMembershipRoles membership;

    @Test
    void theMembershipCarriesEveryFieldOfTheClinicAndThePersonsRows() throws IllegalAccessException {
        ClinicMember trainer = membership.read("rose-city", Demo.userId("rose-trainer")).orElseThrow();
        Clinic stored = QuarkusTransaction.requiringNew().call(() -> Clinic.<Clinic> findById("rose-city"));
        for (Field field : Clinic.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                assertEquals(field.get(stored), field.get(trainer.clinic()), field.getName());
            }
        }
        assertEquals(Set.of("trainer"), trainer.roles());
        assertEquals(Demo.staffId("rose-trainer"), trainer.staffMemberId().orElseThrow());
        assertTrue(trainer.clientId().isEmpty());

        ClinicMember client = membership.read("rose-city", Demo.userId("rose-client2")).orElseThrow();
        assertEquals(Set.of("client"), client.roles());
        assertEquals(Demo.clientId("rose-client2"), client.clientId().orElseThrow());
        // Someone of another clinic has no rows here, whatever the token says.
        assertEquals(Set.of(), membership.read("rose-city", Demo.userId("cedar-client1")).orElseThrow().roles());
    }
}
