package io.backline.symptom;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import io.backline.web.FormErrors;

/** The symptom form as typed, checked field by field; nothing is saved unless every field is right. */
public record FlagForm(String type, String severity, String region, String when, List<String> signs,
        String painBefore, String description, String sessionId) {

    public static final int MAX_DESCRIPTION = 2000;

    public FlagForm {
        signs = signs == null ? List.of() : List.copyOf(signs.stream().filter(s -> s != null).toList());
    }

    public static FlagForm blank(String sessionId) {
        return new FlagForm("", "", "", sessionId == null || sessionId.isBlank() ? "" : "DURING", List.of(), "", "",
                sessionId == null ? "" : sessionId);
    }

    public FlagService.FlagInput check(FormErrors errors) {
        FlagRules.Type parsedType = parse(FlagRules.Type.class, type, "type", "Choose what happened.", errors);
        if (parsedType != null && !FlagRules.Type.choices().contains(parsedType)) {
            errors.add("type", "Choose what happened.");
        }
        Integer parsedSeverity = errors.integer("severity", severity, 0, 10,
                "Choose how strong it is, from 0 (none) to 10 (worst you can imagine).");
        FlagRules.Region parsedRegion = parse(FlagRules.Region.class, region, "region", "Choose where you feel it.", errors);
        if (parsedRegion != null && !FlagRules.Region.choices().contains(parsedRegion)) {
            errors.add("region", "Choose where you feel it.");
        }
        FlagRules.When parsedWhen = parse(FlagRules.When.class, when, "when", "Choose when it started.", errors);
        Set<FlagRules.Sign> parsedSigns = EnumSet.noneOf(FlagRules.Sign.class);
        for (String sign : signs) {
            FlagRules.Sign parsed = parse(FlagRules.Sign.class, sign, "signs",
                    "Tick only the signs listed here.", errors);
            if (parsed != null) {
                parsedSigns.add(parsed);
            }
        }
        OptionalInt before = OptionalInt.empty();
        if (painBefore != null && !painBefore.isBlank()) {
            Integer value = errors.integer("painBefore", painBefore, 0, 10, "Pain before the session is from 0 to 10.");
            before = value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }
        String text = errors.text("description", description, MAX_DESCRIPTION, false, "The description");
        UUID session = null;
        if (sessionId != null && !sessionId.isBlank()) {
            try {
                session = UUID.fromString(sessionId.strip());
            } catch (IllegalArgumentException e) {
                session = null; // a stale or edited link: report without the session
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new FlagService.FlagInput(parsedType, parsedSeverity, parsedRegion, parsedWhen, parsedSigns, before,
                text, session);
    }

    /** What was typed, to show again; each ticked sign as "sign.NAME". */
    public Map<String, String> asMap() {
        Map<String, String> map = new HashMap<>();
        map.put("type", orEmpty(type));
        map.put("severity", orEmpty(severity));
        map.put("region", orEmpty(region));
        map.put("when", orEmpty(when));
        for (String sign : signs) {
            map.put("sign." + sign, "on");
        }
        map.put("painBefore", orEmpty(painBefore));
        map.put("description", orEmpty(description));
        map.put("sessionId", orEmpty(sessionId));
        return map;
    }

    /** The choices the form offers. */
    public record Choices(List<FlagRules.Type> types, List<FlagRules.Region> regions, List<FlagRules.When> whens,
            List<FlagRules.Sign> signs) {
        public static Choices all() {
            return new Choices(FlagRules.Type.choices(), FlagRules.Region.choices(), List.of(FlagRules.When.values()),
                    List.of(FlagRules.Sign.values()));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String value, String field, String message,
            FormErrors errors) {
        try {
            return Enum.valueOf(kind, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, message);
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
