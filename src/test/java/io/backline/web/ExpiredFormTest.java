package io.backline.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * An admin opens a client's profile in one tab, works in others, then saves the profile: it saves. A form that
 * really cannot be trusted any more (its token no longer matches) gets a page that keeps what was typed and sends
 * it again, never an empty 400.
 */
@QuarkusTest
class ExpiredFormTest {

    @Test
    void aFormLeftOpenInOneTabStillSavesAfterOtherPagesWereOpened() {
        var trainer = SignIn.as("rose-admin");
        String profile = "/clients/" + Demo.clientId("rose-client4") + "/profile";
        Map<String, String> hidden = trainer.hiddenFields(profile, profile);

        for (String otherTab : new String[] { "/flags", "/clinic", "/clients", profile }) {
            trainer.open(otherTab).then().statusCode(200);
        }

        String note = "Prefers mornings " + System.nanoTime();
        trainer.resubmit(profile, profile, fields("Casey Dubois", "Casey", note), hidden).then().statusCode(303);
        assertEquals(note, TestData.string("select notes from client where id = ?::uuid",
                Demo.clientId("rose-client4").toString()));
    }

    @Test
    void aFormWhoseTokenNoLongerMatchesKeepsWhatWasTypedAndSendsItAgain() {
        var trainer = SignIn.as("rose-admin");
        String profile = "/clients/" + Demo.clientId("rose-client5") + "/profile";
        Map<String, String> hidden = new HashMap<>(trainer.hiddenFields(profile, profile));
        hidden.put("csrf-token", "a-token-from-an-earlier-session");
        String note = "Knee <b>sore</b> after stairs " + System.nanoTime();

        Response refused = trainer.resubmit(profile, profile, fields("Jordan Alvarez", "Jordan", note), hidden);
        refused.then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Please send that again"), containsString("Nothing was saved"),
                        containsString("Knee &lt;b&gt;sore&lt;/b&gt; after stairs"));
        assertEquals(0, TestData.count("select count(*) from client where notes = ?", note));

        Element again = Jsoup.parse(refused.asString()).selectFirst("form[action=" + profile + "]:has([data-testid=send-again])");
        assertNotNull(again, "the page offers to send the form again");
        Map<String, String> resend = new HashMap<>();
        again.select("input[type=hidden][name]").forEach(input -> resend.put(input.attr("name"), input.val()));
        trainer.keepCookiesOf(refused);
        trainer.resubmit(profile, profile, Map.of(), resend).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from client where notes = ?", note));
    }

    private static Map<String, Object> fields(String name, String preferred, String notes) {
        return Map.of("fullName", name, "preferredName", preferred, "phone", "", "notes", notes);
    }
}
