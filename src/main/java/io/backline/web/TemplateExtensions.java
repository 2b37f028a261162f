package io.backline.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Small helpers for templates. */
@TemplateExtension
public class TemplateExtensions {
    /** For query strings built in templates, such as a search kept across pages. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A moment as people read it, e.g. "2026-11-23 21:30 UTC". */
    static String shown(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    /** A distance in kilometres with one decimal, e.g. "3.4 km". */
    static String km(Double kilometres) {
        return kilometres == null ? "" : String.format(java.util.Locale.ROOT, "%.1f km", kilometres);
    }
}
