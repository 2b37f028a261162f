package io.backline.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The moment the demo is built at, in the clinic's zone: every demo row is placed relative to it, never after it. */
record DemoTime(Instant now, ZoneId zone) {

    LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    LocalDate daysAgo(int days) {
        return today().minusDays(days);
    }

    /** That day at that time of day, or a few minutes ago when that is still to come. */
    Instant at(LocalDate day, int hour, int minute) {
        Instant at = day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
        return at.isAfter(now) ? now.minusSeconds(600) : at;
    }

    Instant at(int daysAgo, int hour, int minute) {
        return at(daysAgo(daysAgo), hour, minute);
    }
}
