package io.backline.program;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.backline.web.i18n.Languages;
import io.backline.web.i18n.Texts;

/**
 * The built-in program in the client's language: each text of a version that is still the built-in English wording is
 * shown as the bundle's translation ({@code program.thoracic.*}, written for meaning); a trainer's own wording stays
 * as they wrote it.
 */
public final class ProgramTexts {
    static final String PREFIX = "program.thoracic.";
    private static final BuiltInProgram ENGLISH = BuiltInProgram.load(BuiltInProgram.THORACIC);

    private ProgramTexts() {
    }

    /** The version itself in English; otherwise an unsaved copy with the built-in texts translated. */
    public static ProgramVersion in(ProgramVersion version, String language) {
        if (version == null || Languages.ENGLISH.equals(language)) {
            return version;
        }
        ProgramVersion shown = version.copy();
        shown.id = version.id;
        shown.programId = version.programId;
        shown.version = version.version;
        shown.createdAt = version.createdAt;
        shown.title = text(version.title, ENGLISH.title(), "title", language);
        shown.summary = text(version.summary, ENGLISH.summary(), "summary", language);
        shown.purpose = text(version.purpose, ENGLISH.purpose(), "purpose", language);
        shown.regionRule = text(version.regionRule, ENGLISH.regionRule(), "regionRule", language);
        shown.holdGuidance = text(version.holdGuidance, ENGLISH.holdGuidance(), "holdGuidance", language);
        shown.stopRule = text(version.stopRule, ENGLISH.stopRule(), "stopRule", language);
        shown.whenToSeeAProfessional = text(version.whenToSeeAProfessional, ENGLISH.whenToSeeAProfessional(),
                "whenToSeeAProfessional", language);
        shown.disclaimer = text(version.disclaimer, ENGLISH.disclaimer(), "disclaimer", language);
        shown.steps = lines(version.steps, ENGLISH.steps(), "step.", language);
        shown.cues = lines(version.cues, ENGLISH.cues(), "cue.", language);
        shown.levelNames = lines(version.levelNames, ENGLISH.levelNames(), "levelName.", language);
        shown.levelHints = lines(version.levelHints, ENGLISH.levelHints(), "levelHint.", language);
        return shown;
    }

    /** The bundle's keys for the built-in program, with the English text each must hold (checked by a test). */
    public static List<String[]> englishKeys() {
        List<String[]> keys = new ArrayList<>();
        for (String[] field : new String[][] { { "title", ENGLISH.title() }, { "summary", ENGLISH.summary() },
                { "purpose", ENGLISH.purpose() }, { "regionRule", ENGLISH.regionRule() },
                { "holdGuidance", ENGLISH.holdGuidance() }, { "stopRule", ENGLISH.stopRule() },
                { "whenToSeeAProfessional", ENGLISH.whenToSeeAProfessional() }, { "disclaimer", ENGLISH.disclaimer() } }) {
            keys.add(new String[] { PREFIX + field[0], field[1] });
        }
        addLines(keys, "step.", ENGLISH.steps());
        addLines(keys, "cue.", ENGLISH.cues());
        addLines(keys, "levelName.", ENGLISH.levelNames());
        addLines(keys, "levelHint.", ENGLISH.levelHints());
        return keys;
    }

    private static void addLines(List<String[]> keys, String prefix, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            keys.add(new String[] { PREFIX + prefix + (i + 1), lines.get(i) });
        }
    }

    private static String text(String written, String builtIn, String key, String language) {
        return builtIn.equals(written) ? Texts.get(language, PREFIX + key) : written;
    }

    /** Line by line: a trainer who changed one step keeps their step, the others are translated. */
    private static String lines(String written, List<String> builtIn, String prefix, String language) {
        if (written == null) {
            return null;
        }
        Function<String, String> translate = line -> {
            int index = builtIn.indexOf(line);
            return index < 0 ? line : Texts.get(language, PREFIX + prefix + (index + 1));
        };
        return String.join("\n", ProgramVersion.lines(written).stream().map(translate).toList());
    }
}
