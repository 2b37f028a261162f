package io.backline.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The built-in thoracic program, whose content ships with the app in {@code program/*.json}. */
public record BuiltInProgram(String key, String title, String summary, String purpose, String regionRule,
        List<String> steps, List<String> cues, String holdGuidance, String stopRule, String whenToSeeAProfessional,
        String disclaimer, List<String> levelNames, List<String> levelHints, int minHoldSeconds, int maxHoldSeconds) {

    public static final String THORACIC = "thoracic-foam-roller-extension";

    public static BuiltInProgram load(String key) {
        try (InputStream json = BuiltInProgram.class.getResourceAsStream("/program/" + key + ".json")) {
            if (json == null) {
                throw new IllegalStateException("No built-in program " + key);
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, BuiltInProgram.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProgramVersion toVersion() {
        ProgramVersion version = new ProgramVersion();
        version.title = title;
        version.summary = summary;
        version.purpose = purpose;
        version.regionRule = regionRule;
        version.steps = String.join("\n", steps);
        version.cues = String.join("\n", cues);
        version.holdGuidance = holdGuidance;
        version.stopRule = stopRule;
        version.whenToSeeAProfessional = whenToSeeAProfessional;
        version.disclaimer = disclaimer;
        version.levelNames = String.join("\n", levelNames);
        version.levelHints = String.join("\n", levelHints);
        version.minHoldSeconds = minHoldSeconds;
        version.maxHoldSeconds = maxHoldSeconds;
        return version;
    }
}
