package io.backline.program;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import io.backline.clinic.ClinicOwned;

/**
 * One immutable version of a program's content. Lists (steps, cues, level names and hints) are stored one item per
 * line.
 */
@Entity
public class ProgramVersion extends ClinicOwned {
    @Id
    public UUID id;

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

    // Versions are read once per instance and then shared by every page that shows them, and a page asks for the same
    // list many times (a level's name per level): each list is split once per text. Keyed by the text itself, so an
    // unsaved copy whose text is edited splits it anew.
    @Transient
    private transient Lines stepLines;
    @Transient
    private transient Lines cueLines;
    @Transient
    private transient Lines levelNameLines;
    @Transient
    private transient Lines levelHintLines;

    public List<String> stepList() {
        return (stepLines = Lines.of(steps, stepLines)).items();
    }

    public List<String> cueList() {
        return (cueLines = Lines.of(cues, cueLines)).items();
    }

    public List<String> levelNameList() {
        return (levelNameLines = Lines.of(levelNames, levelNameLines)).items();
    }

    public List<String> levelHintList() {
        return (levelHintLines = Lines.of(levelHints, levelHintLines)).items();
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

    /** A text and its non-blank lines; immutable, so threads sharing a cached version may race on it harmlessly. */
    private record Lines(String text, List<String> items) {
        static Lines of(String text, Lines known) {
            return known != null && known.text == text ? known : new Lines(text, lines(text));
        }
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
