package io.backline.clientpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.AuditRows;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client page lists who looked at the client, newest first and at most 20: looks already chained and looks still
 * waiting for the chaining job alike (the page reads the two apart, docs/adr/0058).
 */
@QuarkusTest
class ClientPageAccessListTest {
    private static final String TRAINER = "Jonas Reyes";

    private static List<String> accessLines(SignIn.Session session, UUID client) {
        return Jsoup.parse(session.request().get("/clients/" + client).then().statusCode(200).extract().asString())
                .select("[data-testid=access-log] li").eachText();
    }

    private static long byOthers(List<String> lines) {
        return lines.stream().filter(line -> !line.contains(TRAINER + ":")).count();
    }

    @Test
    void waitingLooksShowAboveMoreChainedLooksThanThePageLists() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Looked At Often");
        var trainer = SignIn.as("rose-trainer");
        var admin = SignIn.as("rose-admin");
        for (int i = 0; i < 24; i++) {
            trainer.request().get("/clients/" + client).then().statusCode(200);
        }
        AuditRows.awaitChained("rose-city");
        assertEquals(0, byOthers(accessLines(trainer, client)), "only the trainer has looked so far");

        try (var paused = AuditRows.pauseChaining("rose-city")) {
            admin.request().get("/clients/" + client).then().statusCode(200);
            admin.request().get("/clients/" + client).then().statusCode(200);
            List<String> lines = accessLines(trainer, client);
            assertEquals(20, lines.size(), lines.toString());
            assertEquals(2, byOthers(lines.subList(0, 3)), "the admin's two waiting looks are among the newest: " + lines);
            assertEquals(2, byOthers(lines), lines.toString());
        }
    }

    @Test
    void aClientWithNoChainedLooksShowsTheWaitingOnes() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Looked At Once");
        var trainer = SignIn.as("rose-trainer");
        var admin = SignIn.as("rose-admin");
        try (var paused = AuditRows.pauseChaining("rose-city")) {
            admin.request().get("/clients/" + client).then().statusCode(200);
            List<String> lines = accessLines(trainer, client);
            assertEquals(1, byOthers(lines), lines.toString());
            assertTrue(lines.size() <= 2, "the admin's look and perhaps the trainer's own: " + lines);
        }
    }
}
