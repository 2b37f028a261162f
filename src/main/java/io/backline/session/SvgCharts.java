package io.backline.session;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Small server-rendered SVG charts: no chart library, no script, readable without colour (each line has its own
 * dash pattern), and described in words for screen readers. Everything that comes from users is XML-escaped.
 */
public final class SvgCharts {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 20;
    private static final int BOTTOM = 44;
    private static final String[] COLOURS = { "#1f5f8b", "#8a1c1c", "#2f6b2f", "#6b3fa0", "#7a5200", "#333333" };
    private static final String[] DASHES = { "", "8 4", "2 4", "12 4 2 4", "4 4", "1 3" };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private SvgCharts() {
    }

    public record Point(LocalDate day, double value) {
    }

    /** One line per roller level: seconds held on each session day. Y axis in seconds (minutes from 600 s up). */
    public static String holdsPerLevel(List<String> levelNames, List<List<Point>> seriesPerLevel, String title) {
        List<Point> all = seriesPerLevel.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return empty(title);
        }
        double max = all.stream().mapToDouble(Point::value).max().orElse(60);
        boolean minutes = max >= 600;
        double top = niceTop(minutes ? max / 60 : max);
        Scale scale = new Scale(all, 0, top);
        StringBuilder svg = open(title, holdsDescription(levelNames, seriesPerLevel, all));
        axes(svg, scale, minutes ? "minutes" : "seconds");
        for (int level = 0; level < seriesPerLevel.size(); level++) {
            List<Point> series = seriesPerLevel.get(level).stream()
                    .map(p -> minutes ? new Point(p.day(), p.value() / 60) : p).toList();
            line(svg, scale, series, COLOURS[level % COLOURS.length], DASHES[level % DASHES.length]);
        }
        legend(svg, levelNames);
        return svg.append("</svg>").toString();
    }

    /** Discomfort 0–10 per session over time, with shaded bands at 4–6 (caution) and 7–10 (stop and consult). */
    public static String discomfort(List<Point> points, String title) {
        if (points.isEmpty()) {
            return empty(title);
        }
        Scale scale = new Scale(points, 0, 10);
        Point latest = points.get(points.size() - 1);
        String desc = points.size() + " session" + (points.size() == 1 ? "" : "s") + " from " + DAY.format(first(points))
                + " to " + DAY.format(last(points)) + "; latest discomfort " + format(latest.value()) + " out of 10.";
        StringBuilder svg = open(title, desc);
        band(svg, scale, 4, 7, "#fff3cd", "caution 4–6");
        band(svg, scale, 7, 10, "#fdecec", "stop and consult 7–10");
        axes(svg, scale, "0–10");
        line(svg, scale, points, COLOURS[0], DASHES[0]);
        return svg.append("</svg>").toString();
    }

    private record Scale(LocalDate from, LocalDate to, double min, double max) {
        Scale(List<Point> points, double min, double max) {
            this(first(points), last(points), min, max);
        }

        double x(LocalDate day) {
            long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(from, day) / span;
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - min) / (max - min));
        }
    }

    private static StringBuilder open(String title, String description) {
        String id = "chart-" + Integer.toHexString(Objects.hash(title, description));
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" style=\"width:100%;height:auto\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" font-family=\"sans-serif\" font-size=\"15\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    private static String empty(String title) {
        return open(title, "No sessions yet.").append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\" stroke=\"#d9dde3\"/>")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                .append("\" text-anchor=\"middle\" fill=\"#1d2430\">").append(escape(title)).append(": no sessions yet</text></svg>")
                .toString();
    }

    private static void axes(StringBuilder svg, Scale scale, String unit) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#556070\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#556070\"/>");
        for (int i = 0; i <= 4; i++) {
            double value = scale.min() + (scale.max() - scale.min()) * i / 4;
            double y = scale.y(value);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e3e8ee\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#1d2430\">").append(format(value)).append("</text>");
        }
        svg.append("<text x=\"4\" y=\"").append(TOP - 6).append("\" fill=\"#1d2430\">").append(escape(unit)).append("</text>");
        long span = ChronoUnit.DAYS.between(scale.from(), scale.to());
        int ticks = span == 0 ? 1 : 4;
        for (int i = 0; i < ticks; i++) {
            LocalDate day = scale.from().plusDays(Math.round((double) span * i / Math.max(1, ticks - 1)));
            svg.append("<text x=\"").append(fmt(scale.x(day))).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\" fill=\"#1d2430\">").append(DAY.format(day)).append("</text>");
        }
    }

    private static void band(StringBuilder svg, Scale scale, double from, double to, String fill, String label) {
        double top = scale.y(to);
        double bottom = scale.y(from);
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(fmt(top)).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(fmt(bottom - top)).append("\" fill=\"")
                .append(fill).append("\"><title>").append(escape(label)).append("</title></rect>");
    }

    private static void line(StringBuilder svg, Scale scale, List<Point> series, String colour, String dash) {
        if (series.isEmpty()) {
            return;
        }
        List<String> coordinates = new ArrayList<>();
        for (Point point : series) {
            coordinates.add(fmt(scale.x(point.day())) + "," + fmt(scale.y(point.value())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"")
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append(" points=\"")
                .append(String.join(" ", coordinates)).append("\"/>");
        for (Point point : series) {
            svg.append("<circle cx=\"").append(fmt(scale.x(point.day()))).append("\" cy=\"")
                    .append(fmt(scale.y(point.value()))).append("\" r=\"3.5\" fill=\"").append(colour).append("\"/>");
        }
    }

    private static void legend(StringBuilder svg, List<String> names) {
        int x = LEFT;
        int y = HEIGHT - 8;
        for (int i = 0; i < names.size(); i++) {
            String dash = DASHES[i % DASHES.length];
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(x + 24)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(COLOURS[i % COLOURS.length])
                    .append("\" stroke-width=\"2.5\"").append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append("/><text x=\"").append(x + 28).append("\" y=\"").append(y).append("\" fill=\"#1d2430\">")
                    .append(escape(names.get(i))).append("</text>");
            x += 40 + Math.min(140, names.get(i).length() * 7);
        }
    }

    private static String holdsDescription(List<String> names, List<List<Point>> series, List<Point> all) {
        long days = all.stream().map(Point::day).distinct().count();
        StringBuilder text = new StringBuilder().append(days).append(" session").append(days == 1 ? "" : "s")
                .append(" from ").append(DAY.format(all.stream().map(Point::day).min(LocalDate::compareTo).get()))
                .append(" to ").append(DAY.format(all.stream().map(Point::day).max(LocalDate::compareTo).get()));
        for (int i = 0; i < series.size() && i < names.size(); i++) {
            List<Point> level = series.get(i);
            if (!level.isEmpty()) {
                text.append("; latest hold ").append(format(level.get(level.size() - 1).value())).append(" s on ")
                        .append(names.get(i));
            }
        }
        return text.append('.').toString();
    }

    private static double niceTop(double max) {
        double[] steps = { 1, 2, 2.5, 5, 10 };
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, max))));
        for (double step : steps) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static LocalDate first(List<Point> points) {
        return points.stream().map(Point::day).min(LocalDate::compareTo).orElseThrow();
    }

    private static LocalDate last(List<Point> points) {
        return points.stream().map(Point::day).max(LocalDate::compareTo).orElseThrow();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.US, "%.1f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.US, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
