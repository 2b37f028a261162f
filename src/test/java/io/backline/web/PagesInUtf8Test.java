package io.backline.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Names and searches beyond ASCII come back as typed: pages are written as UTF-8 and say so. */
@QuarkusTest
class PagesInUtf8Test {

    @Test
    void aClientsAccentedAndChineseNameShowsAsTypedInTheSearchAndTheList() {
        String name = "Zoë Ñúñez-李 " + UUID.randomUUID().toString().substring(0, 6);
        TestData.clientOnCareTeam("rose-city", "rose-trainer", name);

        SignIn.as("rose-trainer").request().queryParam("q", name).get("/clients")
                .then().statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"))
                // The search box keeps what was typed, and the list finds the client by it.
                .body(containsString("value=\"" + name + "\""), containsString(">" + name + "<"));
    }
}
