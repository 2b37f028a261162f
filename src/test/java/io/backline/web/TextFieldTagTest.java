package io.backline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared text field draws only the options each form gives it: the browser's checks and phones' keyboards rely on
 * them.
 */
@QuarkusTest
class TextFieldTagTest {

    private static Document page(String user, String path) {
        return Jsoup.parse(SignIn.as(user).request().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void aFieldWithEveryOptionAndOneWithFew() {
        Document settings = page("rose-admin", "/clinic/settings");
        Element phone = settings.selectFirst("input[name=phone]");
        assertEquals("text", phone.attr("type"));
        assertTrue(phone.hasAttr("required"));
        assertEquals("30", phone.attr("maxlength"));
        assertEquals("tel", phone.attr("autocomplete"));
        assertEquals("Shown with every safety message.", phone.parent().selectFirst("p.hint").text());

        Element red = settings.selectFirst("input[name=redSeverity]");
        assertEquals("number", red.attr("type"));
        assertFalse(red.hasAttr("required"));
        assertFalse(red.hasAttr("autocomplete"));
        assertEquals(null, red.parent().selectFirst("p.hint"));
        assertFalse(red.parent().hasClass("wide"));
    }

    @Test
    void aTextArea() {
        Element body = page("rose-client1", "/today/messages").selectFirst("textarea[name=body]");
        assertTrue(body.parent().hasClass("wide"), body.parent().outerHtml());
        assertEquals("2000", body.attr("maxlength"));
        assertEquals("4", body.attr("rows"));
    }
}
