package io.backline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each person's menu shows their own links, language, name and counts, one after the other in the same instance: the
 * layout keeps the parts that only depend on the language and the roles (main.html), never a person's own values.
 */
@QuarkusTest
class LayoutMenuTest {

    @Test
    void eachRoleSeesItsOwnMenuWhoeverWasServedBefore() {
        for (int round = 0; round < 2; round++) {
            List<String> admin = menu(page(SignIn.as("rose-admin"), "/clients", null));
            assertTrue(admin.contains("/staff") && admin.contains("/clinic"), "the admin's menu: " + admin);

            List<String> trainer = menu(page(SignIn.as("rose-trainer"), "/clients", null));
            assertTrue(trainer.contains("/dashboard") && trainer.contains("/flags"), "the trainer's menu: " + trainer);
            assertFalse(trainer.contains("/staff") || trainer.contains("/clinic"), "no admin links: " + trainer);
            assertFalse(trainer.contains("/today"), "no client links: " + trainer);

            List<String> client = menu(page(SignIn.as("rose-client1"), "/today", null));
            assertTrue(client.contains("/today") && client.contains("/today/notifications"), "the client's menu: " + client);
            assertFalse(client.contains("/clients") || client.contains("/flags"), "no staff links: " + client);
        }
    }

    @Test
    void theMenuFollowsTheLanguageAndShowsThePersonsOwnNameAndCounts() {
        SignIn.Session client = SignIn.as("rose-client1");
        Document english = page(client, "/today", "en");
        Document spanish = page(client, "/today", "es");
        Document englishAgain = page(client, "/today", "en");

        assertEquals("Today", link(english, "/today").text());
        assertEquals("Hoy", link(spanish, "/today").text());
        assertEquals("Today", link(englishAgain, "/today").text());
        assertEquals("Ir al contenido", spanish.selectFirst("a.skip-link").text());
        assertTrue(spanish.selectFirst("footer").text().contains("No da consejos médicos"), spanish.selectFirst("footer").text());
        assertTrue(spanish.selectFirst("[data-testid=language-switch] input[type=hidden]") != null,
                "the language switch keeps its own form token");

        String count = english.selectFirst("[data-notification-badge]").text();
        assertTrue(count.matches("\\d+"), count);
        assertEquals(count + " sin leer", spanish.selectFirst("[data-notification-badge]").attr("aria-label"));

        Document trainer = page(SignIn.as("rose-trainer"), "/clients", null);
        assertFalse(trainer.selectFirst(".signed-in-as").text().equals(english.selectFirst(".signed-in-as").text()),
                "each page names the person signed in");
    }

    private static Document page(SignIn.Session session, String path, String language) {
        var request = session.request();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        var answer = request.get(path);
        answer.then().statusCode(200);
        return Jsoup.parse(answer.asString());
    }

    private static List<String> menu(Document page) {
        return page.select("#main-menu a").eachAttr("href");
    }

    private static Element link(Document page, String href) {
        return page.selectFirst("#main-menu a[href=" + href + "]");
    }
}
