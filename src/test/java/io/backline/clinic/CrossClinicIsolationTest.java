package io.backline.clinic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Nothing of one clinic is reachable from another, whatever id or address is tried. */
@QuarkusTest
class CrossClinicIsolationTest {
    private static final List<String> ROSE_CLIENTS = List.of("rose-client1", "rose-client2", "rose-client3",
            "rose-client4", "rose-client5");

    @Test
    void cedarTrainerGets404ForEveryRoseClientPage() {
        var cedarTrainer = SignIn.as("cedar-trainer");
        for (String rose : ROSE_CLIENTS) {
            cedarTrainer.request().get("/clients/" + Demo.clientId(rose)).then().statusCode(404)
                    .body(not(containsString("rosecitymovement")));
        }
    }

    @Test
    void cedarAdminGets404ForRoseClientsToo() {
        SignIn.as("cedar-admin").request().get("/clients/" + Demo.clientId("rose-client1")).then().statusCode(404);
    }

    @Test
    void cedarTrainerGets404ForRoseClientsOnTheApi() {
        String token = Tokens.accessToken("cedar-trainer");
        for (String rose : ROSE_CLIENTS) {
            given().auth().oauth2(token).get("/api/v1/clients/" + Demo.clientId(rose))
                    .then().statusCode(404).body("status", equalTo(404));
        }
    }

    @Test
    void cedarClientListShowsOnlyCedarPeople() {
        SignIn.as("cedar-admin").request().get("/clients").then().statusCode(200)
                .body(containsString("Taylor Kim"), not(containsString("Alex Morgan")),
                        containsString("Drew Patel"), not(containsString("rosecitymovement")));
    }

    @Test
    void eachDashboardListsOnlyItsOwnClinicsCaseload() {
        SignIn.as("rose-trainer").request().get("/dashboard").then().statusCode(200)
                .body(containsString("Alex Morgan"), not(containsString("Taylor Kim")));
        SignIn.as("cedar-trainer").request().get("/dashboard").then().statusCode(200)
                .body(containsString("Taylor Kim"), not(containsString("Alex Morgan")));
    }

    @Test
    void aCareTeamRowAcrossClinicsStillShowsNothingOfTheOtherClinic() {
        // The caseload is plain SQL (DashboardQuery), outside Hibernate's tenant filter. Even a stray row putting Rose's
        // trainer on a Cedar client's care team must not bring that client onto Rose's dashboard: the statement names
        // the clinic the trainer signed in to.
        UUID cedarClient = Demo.clientId("cedar-client1");
        UUID roseTrainer = Demo.staffId("rose-trainer");
        TestData.sql("insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values ('cedar-hills', ?, ?, false)",
                cedarClient, roseTrainer);
        try {
            SignIn.as("rose-trainer").request().get("/dashboard").then().statusCode(200)
                    .body(containsString("Alex Morgan"), not(containsString("Taylor Kim")),
                            not(containsString(cedarClient.toString())));
        } finally {
            TestData.sql("delete from care_team_member where client_id = ? and staff_member_id = ?", cedarClient, roseTrainer);
        }
    }

    @Test
    void roseTrainerSeesTheirOwnClient() {
        SignIn.as("rose-trainer").request().get("/clients/" + Demo.clientId("rose-client1")).then().statusCode(200)
                .body(containsString("Alex Morgan"), containsString(Demo.ROSE));
    }

    @Test
    void trainerOffTheCareTeamGets404() {
        // rose-client1's care team is rose-trainer alone.
        SignIn.as("rose-trainer2").request().get("/clients/" + Demo.clientId("rose-client1")).then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("rose-trainer2")).get("/api/v1/clients/" + Demo.clientId("rose-client1"))
                .then().statusCode(404);
    }

    @Test
    void madeUpAndMalformedIdsAre404NotErrors() {
        var trainer = SignIn.as("rose-trainer");
        trainer.request().get("/clients/" + UUID.randomUUID()).then().statusCode(404);
        trainer.request().get("/clients/not-a-uuid").then().statusCode(404);
        trainer.request().get("/clients/{id}", "' or 1=1 --").then().statusCode(404);
    }
}
