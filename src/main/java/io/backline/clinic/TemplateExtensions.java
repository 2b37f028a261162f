package io.backline.clinic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.time.ZoneId;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentUser;
import io.backline.web.i18n.Dates;
import io.backline.web.i18n.Languages;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Small helpers for templates. */
@TemplateExtension
public class TemplateExtensions {
    /** For query strings built in templates, such as a search kept across pages. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A moment as the clinic's people read it, in the clinic's time zone and saying which, in the page's language:
     * "Nov 23, 2026, 1:30 PM PST", "23 nov 2026, 13:30 PST".
     * Pages without a signed-in clinic (a provider's link) use Portland's, where every clinic is.
     */
    static String shown(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = Arc.container().requestContext().isActive() ? Arc.container().instance(CurrentUser.class).get().zone()
                : Clinic.zoneOf(null);
        return Dates.moment(instant, zone, Languages.current());
    }

    /** A distance in miles with one decimal, e.g. "3.4 mi". */
    static String miles(Double miles) {
        return miles == null ? "" : String.format(java.util.Locale.ROOT, "%.1f mi", miles);
    }
}
