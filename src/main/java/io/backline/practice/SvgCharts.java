package io.backline.practice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.backline.web.i18n.Languages;
import io.backline.web.i18n.Texts;

/**
 * Small server-rendered SVG charts: no chart library, no script, readable without colour (each line has its own
 * dash pattern), and described in words for screen readers. Everything that comes from callers is XML-escaped.
 * The words are the request's language (messages*.properties through Texts); English outside a request.
 */
public final class SvgCharts {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int PLOT_BOTTOM = HEIGHT - 44;
    /** Keeps the first and last points off the axes, so their circles are not cut in half. */
    private static final int INSET = 12;
    private static final int LEGEND_ROW = 18;
    private static final int LEGEND_NAME_MAX = 40;

    /** All text is this near-black slate: 15.6:1 on white, and well above 4.5:1 on the light bands too. */
    private static final String INK = "#1d2430";
    private static final String AXIS = "#556070";
    private static final String GRID = "#e3e8ee";
    /** Line colours: all dark enough for 3:1 against white (WCAG non-text contrast), told apart by dash as well. */
    private static final String[] COLOURS = { "#1f5f8b", "#a12622", "#2f6b2f", "#6b3fa0", "#7a5200", "#333333" };
    private static final String[] DASHES = { "", "8 4", "2 4", "12 4 2 4", "4 4", "12 3 3 3 3 3" };
    private static final String CAUTION_FILL = "#fff3cd";
    private static final String STOP_FILL = "#fde2e2";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter SPANISH_DAY = DateTimeFormatter.ofPattern("d MMM",
            Languages.locale(Languages.SPANISH));

    private SvgCharts() {
    }

    public record Point(LocalDate day, double value) {
        public Point {
            Objects.requireNonNull(day, "day");
        }
    }

    /** One line per roller level: seconds held on each session day. Y axis in seconds (or minutes when the max is ≥ 600 s). */
    public static String holdsPerLevel(List<String> levelNames, List<List<Point>> seriesPerLevel, String title) {
        if (levelNames.size() != seriesPerLevel.size()) {
            throw new IllegalArgumentException(
                    levelNames.size() + " level names for " + seriesPerLevel.size() + " series");
        }
        List<List<Point>> series = seriesPerLevel.stream().map(SvgCharts::byDay).toList();
        List<Point> all = series.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return noSessionsYet(title);
        }
        // Ten minutes read better as "10" on a minutes axis than as "600" seconds.
        double maxSeconds = all.stream().mapToDouble(Point::value).max().orElseThrow();
        boolean minutes = maxSeconds >= 600;
        double unit = minutes ? 60 : 1;
        Legend legend = Legend.of(levelNames);
        Scale scale = Scale.of(all, niceTicks(maxSeconds / unit), unit);

        StringBuilder svg = open(title, holdsDescription(levelNames, series, all), legend.height());
        axes(svg, scale, Texts.get(minutes ? "chart.minutes" : "chart.seconds"));
        for (int level = 0; level < series.size(); level++) {
            line(svg, scale, series.get(level), levelNames.get(level), "s", level);
        }
        legend.draw(svg);
        return svg.append("</svg>").toString();
    }

    /** Discomfort 0–10 per session over time, with a shaded band at 4–6 (caution) and above 7 (stop and consult). */
    public static String discomfort(List<Point> points, String title) {
        List<Point> sorted = byDay(points);
        if (sorted.isEmpty()) {
            return noSessionsYet(title);
        }
        Scale scale = Scale.of(sorted, List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), 1);
        Point latest = sorted.get(sorted.size() - 1);
        String desc = sessionsBetween(sorted.size(), sorted.get(0).day(), latest.day()) + "; "
                + Texts.get("chart.latestDiscomfort", number(latest.value()))
                + (latest.value() >= 7 ? Texts.get("chart.inStopBand") : "") + ".";

        StringBuilder svg = open(title, desc, HEIGHT);
        // Scores are whole numbers, so the bands run half-way between them: every 4, 5 and 6 sits inside the
        // caution band and every 7 to 10 inside the stop band, none on an edge where it would look like both.
        band(svg, scale, 3.5, 6.5, CAUTION_FILL);
        band(svg, scale, 6.5, 10, STOP_FILL);
        axes(svg, scale, Texts.get("chart.discomfort.axis"));
        line(svg, scale, sorted, Texts.get("chart.discomfort.name"), Texts.get("chart.ofTen"), 0);
        bandLabel(svg, scale, 6.5, CAUTION_FILL, Texts.get("chart.caution"));
        bandLabel(svg, scale, 10, STOP_FILL, Texts.get("chart.stop"));
        return svg.append("</svg>").toString();
    }

    /** Maps dates to x by calendar days (so a gap of a week looks like one) and values to y. */
    private record Scale(LocalDate from, LocalDate to, List<Double> ticks, double unit) {
        static Scale of(List<Point> points, List<Double> ticks, double unit) {
            // Over all points, whatever their order: levels start and stop on different days.
            LocalDate from = points.stream().map(Point::day).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate to = points.stream().map(Point::day).max(Comparator.naturalOrder()).orElseThrow();
            return new Scale(from, to, ticks, unit);
        }

        long spanDays() {
            return ChronoUnit.DAYS.between(from, to);
        }

        double x(LocalDate day) {
            double width = WIDTH - LEFT - RIGHT - 2 * INSET;
            if (spanDays() == 0) {
                return LEFT + INSET + width / 2;
            }
            return LEFT + INSET + width * ChronoUnit.DAYS.between(from, day) / spanDays();
        }

        /** y for a raw value (seconds, or a score); clamped so a stray value cannot leave the plot. */
        double y(double raw) {
            double top = ticks.get(ticks.size() - 1);
            double value = Math.max(0, Math.min(top, raw / unit));
            return TOP + (PLOT_BOTTOM - TOP) * (1 - value / top);
        }
    }

    /** The level legend, wrapped onto as many rows as the names need. */
    private record Legend(List<String> names, List<Spot> spots, int rows) {
        record Spot(int x, int y) {
        }

        static Legend of(List<String> names) {
            List<Spot> spots = new ArrayList<>();
            int x = LEFT;
            int row = 0;
            for (String name : names) {
                // Roughly 7 px a character at 12 px sans-serif; a swatch of 24 px, then a gap.
                int width = 24 + 6 + 7 * shorten(name).length() + 20;
                if (x > LEFT && x + width > WIDTH - RIGHT) {
                    x = LEFT;
                    row++;
                }
                spots.add(new Spot(x, HEIGHT - 8 + row * LEGEND_ROW));
                x += width;
            }
            return new Legend(names, spots, names.isEmpty() ? 0 : row + 1);
        }

        int height() {
            return HEIGHT + Math.max(0, rows - 1) * LEGEND_ROW;
        }

        void draw(StringBuilder svg) {
            svg.append("<g class=\"legend\">");
            for (int i = 0; i < names.size(); i++) {
                int x = spots.get(i).x();
                int y = spots.get(i).y();
                svg.append("<line x1=\"").append(x).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(x + 24)
                        .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(colour(i))
                        .append("\" stroke-width=\"2.5\"").append(dashAttribute(i)).append("/>")
                        .append("<text x=\"").append(x + 30).append("\" y=\"").append(y).append("\" fill=\"").append(INK)
                        .append("\">").append(escape(shorten(names.get(i)))).append("</text>");
            }
            svg.append("</g>");
        }

        /** Long names would run off the chart; the full name is still in the description and the point titles. */
        static String shorten(String name) {
            return name.length() <= LEGEND_NAME_MAX ? name : name.substring(0, LEGEND_NAME_MAX - 1) + "…";
        }
    }

    private static StringBuilder open(String title, String description, int height) {
        // Ids derived from the content: stable output for tests and caches, and two different charts on one page
        // do not share ids.
        String id = "chart-" + Integer.toHexString(Objects.hash(title, description));
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" class=\"chart\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    private static String noSessionsYet(String title) {
        return open(title, Texts.get("chart.noSessionsDesc"), HEIGHT)
                .append("<rect x=\"0.5\" y=\"0.5\" width=\"").append(WIDTH - 1).append("\" height=\"").append(HEIGHT - 1)
                .append("\" fill=\"#ffffff\" stroke=\"").append(GRID).append("\"/>")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">")
                .append(escape(Texts.get("chart.noSessions"))).append("</text></svg>")
                .toString();
    }

    private static void axes(StringBuilder svg, Scale scale, String unitLabel) {
        for (double tick : scale.ticks()) {
            String y = coordinate(scale.y(tick * scale.unit()));
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(GRID).append("\"/>")
                    .append("<text class=\"y-tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" dy=\"4\" text-anchor=\"end\" fill=\"").append(INK).append("\">").append(number(tick))
                    .append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(PLOT_BOTTOM).append("\" stroke=\"").append(AXIS).append("\"/>")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(PLOT_BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(PLOT_BOTTOM).append("\" stroke=\"").append(AXIS).append("\"/>")
                .append("<text class=\"y-unit\" x=\"").append(LEFT).append("\" y=\"").append(TOP - 10).append("\" fill=\"")
                .append(INK).append("\">").append(escape(unitLabel)).append("</text>");
        for (LocalDate day : dateTicks(scale.from(), scale.spanDays())) {
            svg.append("<text class=\"x-tick\" x=\"").append(coordinate(scale.x(day))).append("\" y=\"").append(PLOT_BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">").append(day(day))
                    .append("</text>");
        }
    }

    /** Up to four distinct dates spread evenly over the range, first and last included. */
    private static List<LocalDate> dateTicks(LocalDate from, long spanDays) {
        int count = (int) Math.min(4, spanDays + 1);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(from.plusDays(count == 1 ? 0 : Math.round((double) spanDays * i / (count - 1))));
        }
        return days;
    }

    private static void band(StringBuilder svg, Scale scale, double from, double to, String fill) {
        double top = scale.y(to);
        svg.append("<rect class=\"band\" x=\"").append(LEFT).append("\" y=\"").append(coordinate(top))
                .append("\" width=\"").append(WIDTH - LEFT - RIGHT).append("\" height=\"")
                .append(coordinate(scale.y(from) - top)).append("\" fill=\"").append(fill).append("\"/>");
    }

    /** Names a band in text, not only by tint, so the bands read without colour. Drawn over the line. */
    private static void bandLabel(StringBuilder svg, Scale scale, double to, String fill, String label) {
        svg.append("<text class=\"band-label\" x=\"").append(WIDTH - RIGHT - 6).append("\" y=\"")
                .append(coordinate(scale.y(to) + 14)).append("\" text-anchor=\"end\" fill=\"").append(INK)
                // A halo in the band's own tint keeps the label legible where the line runs through it.
                .append("\" stroke=\"").append(fill).append("\" stroke-width=\"4\" paint-order=\"stroke\">")
                .append(escape(label)).append("</text>");
    }

    private static void line(StringBuilder svg, Scale scale, List<Point> series, String name, String unit, int index) {
        if (series.isEmpty()) {
            return;
        }
        List<String> coordinates = new ArrayList<>();
        for (Point point : series) {
            coordinates.add(coordinate(scale.x(point.day())) + "," + coordinate(scale.y(point.value())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour(index)).append("\" stroke-width=\"2.5\"")
                .append(dashAttribute(index)).append(" points=\"").append(String.join(" ", coordinates)).append("\"/>");
        for (Point point : series) {
            svg.append("<circle cx=\"").append(coordinate(scale.x(point.day()))).append("\" cy=\"")
                    .append(coordinate(scale.y(point.value()))).append("\" r=\"3.5\" fill=\"").append(colour(index))
                    .append("\"><title>").append(escape(day(point.day()) + ", " + name + ": "
                            + number(point.value()) + " " + unit))
                    .append("</title></circle>");
        }
    }

    private static String holdsDescription(List<String> names, List<List<Point>> series, List<Point> all) {
        // One session a day is what counts (see Adherence), so sessions are the distinct days with a hold.
        List<LocalDate> days = all.stream().map(Point::day).distinct().sorted().toList();
        StringBuilder text = new StringBuilder(sessionsBetween(days.size(), days.get(0), days.get(days.size() - 1)));
        for (int level = 0; level < series.size(); level++) {
            List<Point> points = series.get(level);
            if (!points.isEmpty()) {
                text.append("; ").append(Texts.get("chart.latestHold", number(points.get(points.size() - 1).value()),
                        names.get(level)));
            }
        }
        return text.append('.').toString();
    }

    /** "3 sessions from Nov 2 to Nov 16", or "1 session on Nov 2". */
    private static String sessionsBetween(int count, LocalDate first, LocalDate last) {
        if (!first.equals(last)) {
            return Texts.get("chart.sessionsFrom", count, day(first), day(last));
        }
        return count == 1 ? Texts.get("chart.oneSession", day(first)) : Texts.get("chart.sessionsOn", count, day(first));
    }

    /** "Nov 2" in English, "2 nov" in Spanish. */
    private static String day(LocalDate day) {
        return (Languages.SPANISH.equals(Languages.current()) ? SPANISH_DAY : DAY).format(day);
    }

    /** Round tick values from 0 up to at least the maximum: steps of 1, 2 or 5 × 10ⁿ (never below 1), at most four. */
    static List<Double> niceTicks(double max) {
        double target = Math.max(max, 1) / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        double step = 10 * magnitude;
        for (double candidate : new double[] { 1, 2, 5 }) {
            if (candidate * magnitude >= target) {
                step = candidate * magnitude;
                break;
            }
        }
        step = Math.max(1, step);
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; ticks.isEmpty() || ticks.get(ticks.size() - 1) < max; i++) {
            ticks.add(i * step);
        }
        if (ticks.size() == 1) {
            ticks.add(step);
        }
        return ticks;
    }

    private static List<Point> byDay(List<Point> points) {
        return points.stream().sorted(Comparator.comparing(Point::day)).toList();
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String dashAttribute(int index) {
        String dash = DASHES[index % DASHES.length];
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    /** A value as people write it: "60", "7.5". */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : coordinate(value);
    }

    /**
     * One decimal, as {@code String.format("%.1f")} gives it, without the formatter: a client page of 60 sessions
     * writes ~700 coordinates, and parsing the format pattern each time was a twentieth of the page's CPU (JFR).
     */
    static String coordinate(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > 1e12) {
            return String.format(Locale.US, "%.1f", value); // never on a chart; written as the formatter would
        }
        long tenths = Math.round(value * 10);
        String sign = tenths < 0 ? "-" : "";
        long magnitude = Math.abs(tenths);
        return sign + magnitude / 10 + "." + magnitude % 10;
    }

    /**
     * Escapes text for XML content and attributes. Characters XML 1.0 cannot hold at all (control characters, lone
     * surrogates) are dropped, since one of them in a level name would otherwise break the whole page's SVG.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowedInXml(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }
}
