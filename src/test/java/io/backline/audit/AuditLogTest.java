package io.backline.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Each look at a client's flags leaves a trace; admins read the trail by client and by person. */
@QuarkusTest
class AuditLogTest {

    @Test
    void everyViewOfAFlagIsRecordedAndAdminsSeeItByClientAndByPerson() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audited Person");
        var trainer = SignIn.as("rose-trainer");
        Map<String, Object> flag = new HashMap<>(Map.of("type", "INCREASED_PAIN", "severity", "2",
                "region", "MIDDLE_THORACIC", "when", "DURING", "description", ""));
        String location = trainer.submit("/flags/record/" + client, "/flags/record/" + client, flag).then().statusCode(303)
                .extract().header("Location");
        String flagPage = location.substring(location.indexOf("/flags/"));
        trainer.request().get(flagPage).then().statusCode(200);
        trainer.request().get(flagPage).then().statusCode(200);
        assertEquals(2, TestData.count("""
                select count(*) from audit_trail where client_id = ?::uuid and action = 'viewed flag'
                and actor_user_id = ?::uuid""", client.toString(), Demo.userId("rose-trainer").toString()));

        var admin = SignIn.as("rose-admin");
        admin.request().get("/audit?client=" + client).then().statusCode(200)
                .body(containsString("Audited Person"), containsString("viewed flag"), containsString("Jonas Reyes"));
        admin.request().get("/audit?client=" + client + "&actor=" + Demo.userId("rose-admin")).then().statusCode(200)
                .body(containsString("0 entries"));
        trainer.request().get("/audit").then().statusCode(403);
        SignIn.as("cedar-admin").request().get("/audit?client=" + client).then().statusCode(200)
                .body(not(containsString("Audited Person")), containsString("0 entries"));
    }
}
