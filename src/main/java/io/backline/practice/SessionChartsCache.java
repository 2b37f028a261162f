package io.backline.practice;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.backline.program.Assignment;
import io.backline.program.Prescription;
import io.backline.program.ProgramVersion;
import io.backline.web.i18n.Languages;

/**
 * An assignment's two charts (holds per level, discomfort) as drawn from its recent sessions, kept until its history
 * changes. Any change to its sessions, prescriptions or pauses raises the assignment's history version in the same
 * transaction (V11, V13), so a chart kept under the current version is what drawing it again would give, on any
 * instance; the number of sessions drawn tells a page that reads fewer of them apart.
 */
@ApplicationScoped
public class SessionChartsCache {
    /** The charts as SVG markup, escaped when drawn. */
    public record Charts(String holds, String discomfort) {
    }

    record Key(UUID assignmentId, long historyVersion, UUID versionId, int levels, int sessions, String language) {
    }

    // A chart pair is a few kilobytes; one nobody looks at for an hour is not kept.
    private final Cache<Key, Charts> drawn = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** {@code sessions}: the assignment's most recent sessions, newest first, as the charts show them. */
    public Charts of(Assignment assignment, ProgramVersion version, Prescription current, List<SessionLog> sessions) {
        Key key = new Key(assignment.id, assignment.historyVersion, version.id, current.levels, sessions.size(),
                Languages.current());
        return drawn.get(key, missing -> new Charts(SessionCharts.holds(version, current, sessions),
                SessionCharts.discomfort(sessions)));
    }
}
