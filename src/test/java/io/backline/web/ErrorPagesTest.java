package io.backline.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownAddressShowsAFriendlyNotFoundPage() {
        SignIn.as("rose-trainer").request().get("/no/such/page").then().statusCode(404)
                .body(containsString("Page not found"), containsString("Go to my home page"),
                        not(containsString("Exception")), not(containsString("at io.")));
    }

    @Test
    void wrongRoleShowsAFriendlyForbiddenPage() {
        SignIn.as("rose-client1").request().get("/dashboard").then().statusCode(403)
                .body(containsString("Not allowed"), not(containsString("Exception")));
    }

    @Test
    void aClientsErrorPageHasNoLanguageFormWhileTheirPagesDo() {
        var client = SignIn.as("rose-client1");
        client.request().get("/dashboard").then().statusCode(403)
                .body(containsString("Not allowed"), not(containsString("data-testid=\"language-switch\"")));
        client.request().get("/today").then().statusCode(200)
                .body(containsString("data-testid=\"language-switch\""),
                        containsString("name=\"language\" value=\"es\""));
    }

    @Test
    void aPagePostThatIsNotAFormIsRefusedSoItCannotSkipTheCsrfCheck() {
        var trainer = SignIn.as("rose-trainer");
        String builtIn = io.backline.support.TestData.string(
                "select id::text from program where clinic_id = 'rose-city' and built_in_key is not null");
        long programs = io.backline.support.TestData.count("select count(*) from program where clinic_id = 'rose-city'");
        trainer.request().contentType("text/plain").body("x").post("/programs/" + builtIn + "/copy")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(415)));
        trainer.request().post("/programs/" + builtIn + "/copy")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(415)));
        org.junit.jupiter.api.Assertions.assertEquals(programs,
                io.backline.support.TestData.count("select count(*) from program where clinic_id = 'rose-city'"));
    }

    @Test
    void searchTextIsEscapedNotExecuted() {
        SignIn.as("rose-trainer").request().queryParam("q", "<script>alert(1)</script>").get("/clients")
                .then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void absurdPageNumbersStillAnswer() {
        SignIn.as("rose-trainer").request().queryParam("page", "-4").get("/clients").then().statusCode(200);
        SignIn.as("rose-trainer").request().queryParam("page", "lots").get("/clients").then().statusCode(200);
    }
}
