package io.backline.symptom;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;
import io.backline.web.form.Typed;
import io.backline.web.form.WholeNumber;

/**
 * The symptom report as sent, by the client's form, the staff's form or the API, each rule stated once:
 * {@link FlagService#check} validates it for all three, and nothing is saved unless every field is right. The values
 * stay text so that "abc" gets its message; the API turns its typed JSON into this shape.
 */
public record FlagForm(
        @RestForm @FlagChoice(value = FlagChoice.Of.TYPE, message = "{report.type.required}") String type,
        @RestForm @WholeNumber(min = 0, max = 10,
                message = "{report.severity.range}") String severity,
        @RestForm @FlagChoice(value = FlagChoice.Of.REGION, message = "{report.region.required}") String region,
        @RestForm @FlagChoice(value = FlagChoice.Of.WHEN, message = "{report.when.required}") String when,
        @RestForm("sign") List<@FlagChoice(value = FlagChoice.Of.SIGN,
                message = "{report.signs.listed}") String> signs,
        @RestForm @WholeNumber(min = 0, max = 10, optional = true,
                message = "{report.painBefore.range}") String painBefore,
        @RestForm @Size(max = FlagForm.MAX_DESCRIPTION,
                message = "{report.description.size}") String description,
        /** A check-off's session the report follows; a stale or edited one is ignored rather than refused. */
        @RestForm String sessionId,
        /** The form's one-time key: the same form sent twice saves once. */
        @RestForm @RequestKey(message = FlagForm.EXPIRED) String requestKey) {

    public static final int MAX_DESCRIPTION = 2000;
    static final String EXPIRED = "The form expired; please send it again.";

    public FlagForm {
        signs = signs == null ? List.of() : List.copyOf(signs.stream().filter(s -> s != null).toList());
    }

    /** What an empty form shows; a report that follows a check-off's tick happened during the session. */
    public static Map<String, String> blank(String sessionId) {
        Map<String, String> form = new HashMap<>();
        if (sessionId != null && !sessionId.isBlank()) {
            form.put("when", "DURING");
            form.put("sessionId", sessionId);
        }
        return form;
    }

    /** The same report without a session: staff record what a client told them, never a check-off's follow-up. */
    FlagForm withoutSession() {
        return new FlagForm(type, severity, region, when, signs, painBefore, description, null, requestKey);
    }

    /** What the form shows again: the fields as typed, and each ticked sign (a repeated field) as "sign.NAME". */
    Map<String, String> shown(Map<String, String> typed) {
        Map<String, String> form = new HashMap<>(typed);
        signs.forEach(sign -> form.put("sign." + sign.strip(), "on"));
        return form;
    }

    /** The session it follows, when the form names one that can be read. */
    UUID session() {
        try {
            return sessionId == null || sessionId.isBlank() ? null : UUID.fromString(sessionId.strip());
        } catch (IllegalArgumentException e) {
            return null; // a stale or edited link: report without the session
        }
    }

    UUID key() {
        return UUID.fromString(requestKey.strip());
    }

    /** The typed report; only once {@link FlagService#check} found nothing to refuse. */
    FlagService.FlagInput input() {
        Set<FlagRules.Sign> ticked = EnumSet.noneOf(FlagRules.Sign.class);
        signs.forEach(sign -> ticked.add(FlagRules.Sign.valueOf(sign.strip())));
        Integer before = Typed.wholeNumber(painBefore);
        return new FlagService.FlagInput(FlagRules.Type.valueOf(type.strip()), Typed.wholeNumber(severity),
                FlagRules.Region.valueOf(region.strip()), FlagRules.When.valueOf(when.strip()), ticked,
                before == null ? OptionalInt.empty() : OptionalInt.of(before), Typed.text(description), session());
    }

    /** The choices the form offers. */
    public record Choices(List<FlagRules.Type> types, List<FlagRules.Region> regions, List<FlagRules.When> whens,
            List<FlagRules.Sign> signs) {
        public static Choices all() {
            return new Choices(FlagRules.Type.choices(), FlagRules.Region.choices(), List.of(FlagRules.When.values()),
                    List.of(FlagRules.Sign.values()));
        }
    }
}
