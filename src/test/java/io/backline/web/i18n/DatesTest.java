package io.backline.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Dates as the US writes them in each language, and moments on the clinic's clock, saying which. */
class DatesTest {
    private static final ZoneId PORTLAND = ZoneId.of("America/Los_Angeles");

    @Test
    void aDateReadsDec5InEnglishAnd5DicInSpanish() {
        LocalDate day = LocalDate.of(2026, 12, 5);
        assertEquals("Dec 5, 2026", Dates.date(day, Languages.ENGLISH));
        assertEquals("5 dic 2026", Dates.date(day, Languages.SPANISH));
        assertEquals("", Dates.date(null, Languages.ENGLISH));
    }

    @Test
    void aMomentIsShownOnTheClinicsClockWithItsZone() {
        var evening = ZonedDateTime.of(2026, 12, 5, 18, 30, 0, 0, PORTLAND).toInstant();
        assertEquals("Dec 5, 2026, 6:30 PM PST", Dates.moment(evening, PORTLAND, Languages.ENGLISH));
        assertEquals("5 dic 2026, 18:30 PST", Dates.moment(evening, PORTLAND, Languages.SPANISH));
        // 02:30 UTC on the 6th is still the 5th in Portland.
        assertEquals("Dec 5, 2026, 6:30 PM PST", Dates.moment(java.time.Instant.parse("2026-12-06T02:30:00Z"), PORTLAND,
                Languages.ENGLISH));
    }

    @Test
    void aBrowsersLanguageCountsByItsPrimaryLanguage() {
        assertEquals("es", Languages.supported("es-MX").orElseThrow());
        assertEquals("es", Languages.supported("es_US").orElseThrow());
        assertEquals("en", Languages.supported("en-GB").orElseThrow());
        assertEquals(java.util.Optional.empty(), Languages.supported("fr"));
        assertEquals(java.util.Optional.empty(), Languages.supported(null));
    }
}
