package io.backline.program;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One immutable version of a program's content. Lists (steps, cues, level names and hints) are stored one item per
 * line.
 */
@Entity
public class ProgramVersion extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public UUID programId;
    public int version;
    public String title;
    public String summary;
    public String purpose;
    public String regionRule;
    public String steps;
    public String cues;
    public String holdGuidance;
    public String stopRule;
    @Column(name = "when_to_see_professional")
    public String whenToSeeAProfessional;
    public String disclaimer;
    public String levelNames;
    public String levelHints;
    public int minHoldSeconds;
    public int maxHoldSeconds;
    public Instant createdAt;
    public UUID createdBy;

    public List<String> stepList() {
        return lines(steps);
    }

    public List<String> cueList() {
        return lines(cues);
    }

    public List<String> levelNameList() {
        return lines(levelNames);
    }

    public List<String> levelHintList() {
        return lines(levelHints);
    }

    public String levelName(int index) {
        List<String> names = levelNameList();
        return index < names.size() ? names.get(index) : "Level " + (index + 1);
    }

    public String levelHint(int index) {
        List<String> hints = levelHintList();
        return index < hints.size() ? hints.get(index) : "";
    }

    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A new, unsaved version with the same content, for an edit or a copy. */
    ProgramVersion copy() {
        ProgramVersion next = new ProgramVersion();
        next.title = title;
        next.summary = summary;
        next.purpose = purpose;
        next.regionRule = regionRule;
        next.steps = steps;
        next.cues = cues;
        next.holdGuidance = holdGuidance;
        next.stopRule = stopRule;
        next.whenToSeeAProfessional = whenToSeeAProfessional;
        next.disclaimer = disclaimer;
        next.levelNames = levelNames;
        next.levelHints = levelHints;
        next.minHoldSeconds = minHoldSeconds;
        next.maxHoldSeconds = maxHoldSeconds;
        return next;
    }
}
