package io.backline.web;

import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Names and searches beyond ASCII come back as typed: pages say they are UTF-8, and write every character beyond
 * ASCII as a reference, so that they are encoded by copying bytes (web/i18n/MessageResults).
 */
@QuarkusTest
class PagesInUtf8Test {

    @Test
    void aClientsAccentedAndChineseNameShowsAsTypedInTheSearchAndTheList() {
        String name = "Zoë Ñúñez-李 " + UUID.randomUUID().toString().substring(0, 6);
        TestData.clientOnCareTeam("rose-city", "rose-trainer", name);

        String html = SignIn.as("rose-trainer").request().queryParam("q", name).get("/clients")
                .then().statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"))
                .extract().asString();
        // The search box keeps what was typed, and the list finds the client by it.
        Document page = Jsoup.parse(html);
        assertEquals(name, page.select("input[name=q]").val());
        assertTrue(page.select("a, td").stream().anyMatch(cell -> cell.text().equals(name)), html);
        // Written as references: the page itself is ASCII, the name's Chinese character included.
        assertTrue(html.chars().allMatch(c -> c < 0x80), "a character beyond ASCII in the page");
        assertTrue(html.contains("&#26446;"), html);
    }
}
