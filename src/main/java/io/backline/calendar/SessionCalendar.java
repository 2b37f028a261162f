package io.backline.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import io.backline.program.Prescription;
import io.backline.web.i18n.Dates;
import io.backline.web.i18n.Texts;

/**
 * The iCalendar a client's phone subscribes to: one all-day event per planned session (no time of day is
 * prescribed), with the prescription and the stop rule in its description.
 */
final class SessionCalendar {
    static final int WEEKS_BEHIND = 2;
    static final int WEEKS_AHEAD = 8;
    /** How often a calendar app is asked to fetch again; most poll on their own schedule anyway. */
    static final Duration REFRESH = Duration.ofHours(3);
    private SessionCalendar() {
    }

    /**
     * The feed's text in the client's language; {@code prescription} is null when nothing is planned (no program,
     * paused or ended). The stop rule is the today page's, word for word.
     */
    static String of(UUID assignmentId, Prescription prescription, LocalDate today, String todayUrl, String language) {
        List<CalendarComponent> events = new ArrayList<>();
        if (prescription != null) {
            Instant stamp = Instant.now();
            String description = line(prescription, language) + "\n\n" + Texts.get(language, "safety.rule") + "\n\n"
                    + todayUrl;
            for (LocalDate day : SessionDays.planned(prescription, today.minusWeeks(WEEKS_BEHIND),
                    today.plusWeeks(WEEKS_AHEAD))) {
                events.add(new VEvent(new PropertyList(List.<Property>of(
                        // One UID per assignment and day: a changed prescription updates the event, never adds one.
                        new Uid("session-" + assignmentId + "-" + day + "@backline"),
                        new DtStamp(stamp),
                        new DtStart<>(day),
                        new DtEnd<>(day.plusDays(1)),
                        new Summary(Texts.get(language, "calendar.feed.summary")),
                        new Description(description),
                        ImmutableTransp.TRANSPARENT))));
            }
        }
        Calendar calendar = new Calendar(new PropertyList(List.<Property>of(
                new ProdId("-//Backline//Session calendar//EN"),
                ImmutableVersion.VERSION_2_0,
                ImmutableCalScale.GREGORIAN,
                ImmutableMethod.PUBLISH,
                new XProperty("X-WR-CALNAME", Texts.get(language, "calendar.feed.name")),
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))), new ComponentList<>(events));
        return calendar.toString();
    }

    /** The prescription as the today page says it. */
    static String line(Prescription p, String language) {
        String line = p.levels == 1 ? Texts.get(language, "calendar.feed.lineOne", p.holdText(), p.sessionsPerWeek)
                : Texts.get(language, "calendar.feed.line", p.holdText(), p.levels, p.sessionsPerWeek);
        return line + (p.endDate == null ? "" : Texts.get(language, "calendar.feed.until", Dates.date(p.endDate, language)))
                + ".";
    }
}
