package io.backline.practice;

import java.util.ArrayList;
import java.util.List;

import io.backline.program.Prescription;
import io.backline.program.ProgramVersion;
import io.backline.web.i18n.Texts;

/** The progress charts a trainer and the client both see, from sessions newest first, in the reader's language. */
public final class SessionCharts {
    private SessionCharts() {
    }

    /** Hold time per roller level, one line per level the current prescription names. */
    public static String holds(ProgramVersion version, Prescription current, List<SessionLog> sessions) {
        List<String> names = new ArrayList<>();
        List<List<SvgCharts.Point>> series = new ArrayList<>();
        for (int level = 0; level < current.levels; level++) {
            names.add(version.levelName(level));
            List<SvgCharts.Point> points = new ArrayList<>();
            for (SessionLog session : sessions.reversed()) {
                if (level < session.holdSeconds.length) {
                    points.add(new SvgCharts.Point(session.performedOn, session.holdSeconds[level]));
                }
            }
            series.add(points);
        }
        return SvgCharts.holdsPerLevel(names, series, Texts.get("chart.holds.title"));
    }

    public static String discomfort(List<SessionLog> sessions) {
        return SvgCharts.discomfort(sessions.reversed().stream()
                .map(session -> new SvgCharts.Point(session.performedOn, session.discomfort)).toList(),
                Texts.get("chart.discomfort.title"));
    }
}
