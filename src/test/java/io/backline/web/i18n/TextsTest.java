package io.backline.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A message with a text argument reads as the message, not as the argument (both overloads take two strings). */
class TextsTest {

    @Test
    void aMessageWithATextArgumentIsTheMessageInTheRequestsLanguage() {
        assertEquals("Thank you. Your care team can now share this referral with Dr. Ana Ruiz.",
                Texts.get("referral.consented", "Dr. Ana Ruiz"));
        assertEquals("1 session on Nov 2", Texts.get("chart.oneSession", "Nov 2"));
    }

    @Test
    void aLanguageFirstPicksThatLanguage() {
        assertEquals("1 sesión el 2 nov", Texts.get(Languages.SPANISH, "chart.oneSession", "2 nov"));
        assertEquals("1 session on Nov 2", Texts.get(Languages.ENGLISH, "chart.oneSession", "Nov 2"));
        assertEquals("1 session on Nov 2", Texts.get(null, "chart.oneSession", "Nov 2"));
    }
}
