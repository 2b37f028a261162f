package io.backline.symptom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The symptom-flag decision table: how urgent a client's report is, and why, in sentences a client and a trainer can
 * both read. Pure Java so the safety rules can be read, tested and changed without the rest of the app.
 */
public final class FlagRules {
    private FlagRules() {
    }

    /** What the client noticed. */
    public enum Type {
        INCREASED_PAIN("Increased pain"),
        PAIN_SPREADING("Pain spreading elsewhere"),
        NUMBNESS_OR_TINGLING("Numbness or tingling"),
        DIZZINESS("Dizziness or light-headedness"),
        HEADACHE_OR_NECK_PAIN("Headache or neck pain"),
        FELT_UNSAFE("Felt unsafe or uncomfortable"),
        CHEST_PAIN_OR_BREATHING("Chest pain or trouble breathing"),
        OTHER("Other"),
        /** The check-off's tick, before the client says more; never offered on the report form. */
        WORSE_OR_UNSAFE("Something got worse, or it felt unsafe");

        public final String label;

        Type(String label) {
            this.label = label;
        }

        /** The types a person picks on the report form. */
        public static List<Type> choices() {
            return List.of(INCREASED_PAIN, PAIN_SPREADING, NUMBNESS_OR_TINGLING, DIZZINESS, HEADACHE_OR_NECK_PAIN,
                    FELT_UNSAFE, CHEST_PAIN_OR_BREATHING, OTHER);
        }
    }

    /** Where the client feels it. */
    public enum Region {
        UPPER_THORACIC("Top of the upper back"),
        MIDDLE_THORACIC("Middle of the upper back"),
        LOWER_THORACIC("Bottom of the upper back"),
        NECK("Neck"),
        LOWER_BACK("Lower back"),
        SHOULDER_OR_ARM("Shoulder or arm"),
        OTHER("Somewhere else"),
        /** A check-off tick says nothing of where; the follow-up form asks. */
        NOT_GIVEN("Not said yet");

        public final String label;

        Region(String label) {
            this.label = label;
        }

        /** The program only rolls the thoracic spine; symptoms in the neck or lower back are not its expected effect. */
        public boolean isOutsideProgram() {
            return this == NECK || this == LOWER_BACK;
        }

        public static List<Region> choices() {
            return List.of(UPPER_THORACIC, MIDDLE_THORACIC, LOWER_THORACIC, NECK, LOWER_BACK, SHOULDER_OR_ARM, OTHER);
        }
    }

    /** When it started, relative to the session. */
    public enum When {
        DURING("During the session"),
        AFTER("Right after the session"),
        LATER_THAT_DAY("Later that day"),
        NEXT_DAY("The next day or later"),
        AT_REST("At rest or at night, not with the exercise");

        public final String label;

        When(String label) {
            this.label = label;
        }
    }

    /**
     * The red flags of a spine and thoracic screening, each with the level it raises on its own. Emergency signs can
     * be a heart, lung, aorta, spinal cord or stroke problem; the physician's signs can point to an illness that
     * exercise cannot help.
     */
    public enum Sign {
        CHEST_PAIN_OR_BREATHING(Level.EMERGENCY, false, "Chest pain or pressure, or trouble breathing"),
        SHOULDER_BLADE_PAIN_WITH_SWEATING(Level.EMERGENCY, false,
                "Pain between the shoulder blades with sweating, nausea, jaw or arm pain, or a tearing feeling"),
        BOWEL_OR_BLADDER(Level.EMERGENCY, false,
                "A change in bowel or bladder control, or numbness in the groin or buttocks"),
        BOTH_ARMS_OR_LEGS(Level.EMERGENCY, false,
                "Weakness or numbness in both arms or both legs, clumsy hands, or a change in walking"),
        FAINTING_VISION_OR_SPEECH(Level.EMERGENCY, false,
                "Fainting, a change in vision or speech, a drooping face, or a sudden severe headache"),
        LOSS_OF_BALANCE(Level.RED, false, "Loss of balance"),
        RIB_PAIN_ON_DEEP_BREATH(Level.RED, false, "Rib pain when breathing in deeply"),
        FEVER(Level.RED, true, "Fever"),
        UNEXPLAINED_WEIGHT_LOSS(Level.RED, true, "Weight loss without trying"),
        PAIN_AT_NIGHT_OR_REST(Level.RED, true, "Pain at night or at rest"),
        HISTORY_OF_CANCER(Level.RED, true, "A history of cancer"),
        FALL_OR_CRACK(Level.RED, false, "A fall, or a crack or pop with sharp pain"),
        STILL_THERE_NEXT_MORNING(Level.RED, false, "Symptoms still there the next morning");

        public final Level level;
        /** The sign asks for a physician rather than any health professional. */
        public final boolean physician;
        public final String label;

        Sign(Level level, boolean physician, String label) {
            this.level = level;
            this.physician = physician;
            this.label = label;
        }

        /** The form's key for this sign's checkbox, as {@code FlagForm.shown} writes it. */
        public String formKey() {
            return "sign." + name();
        }

        /** Parses stored names, skipping any a later version no longer knows. */
        public static Set<Sign> of(String[] names) {
            Set<Sign> signs = EnumSet.noneOf(Sign.class);
            for (String name : names == null ? new String[0] : names) {
                try {
                    signs.add(valueOf(name));
                } catch (IllegalArgumentException unknown) {
                    // kept in the row, shown nowhere
                }
            }
            return signs;
        }
    }

    /** How urgent a flag is, most urgent first, so a lower ordinal always wins. */
    public enum Level {
        EMERGENCY("Emergency"),
        RED("Red"),
        AMBER("Amber"),
        GREEN("Green");

        public final String label;

        Level(String label) {
            this.label = label;
        }

        /** Nobody should roll again until a person has looked at an emergency or a red flag. */
        public boolean pausesProgram() {
            return this == EMERGENCY || this == RED;
        }

        /** Everything but green reaches the trainer's queue and inbox; green is recorded on the client's page. */
        public boolean alertsTrainer() {
            return this != GREEN;
        }

        /** The level as pages write it beside its badge ("red"). */
        public String word() {
            return name().toLowerCase();
        }

        /** The more urgent of two levels. */
        public Level atLeast(Level other) {
            return ordinal() <= other.ordinal() ? this : other;
        }
    }

    /** Thresholds a clinic can change; {@link #defaults()} gives the program's own safety rule. */
    public record Thresholds(int redSeverity, int amberSeverity, int painRise, int discomfortRise, int ambersForRed,
            int amberWindowDays) {
        /** A clinic may stop earlier than the program's rule, never later. */
        public static final int MAX_RED_SEVERITY = 7;

        public Thresholds {
            inRange("redSeverity", redSeverity, 1, MAX_RED_SEVERITY);
            inRange("amberSeverity", amberSeverity, 0, 10);
            // A rise of 0 would flag every report where pain merely did not go down.
            inRange("painRise", painRise, 1, 10);
            inRange("discomfortRise", discomfortRise, 1, 10);
            atLeastOne("ambersForRed", ambersForRed);
            atLeastOne("amberWindowDays", amberWindowDays);
            // Otherwise the caution range would be empty and a severity could be both amber and red.
            if (amberSeverity >= redSeverity) {
                throw new IllegalArgumentException("amberSeverity (" + amberSeverity
                        + ") must be below redSeverity (" + redSeverity + ")");
            }
        }

        /** Red from 7, amber from 4, a rise of 2 in pain or discomfort, three ambers within 7 days make a red. */
        public static Thresholds defaults() {
            return new Thresholds(7, 4, 2, 2, 3, 7);
        }

        private static void atLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
        }
    }

    /** What was reported, plus context the app looks up. */
    public record Report(Type type, int severity, Region region, When when, Set<Sign> signs,
            OptionalInt painBeforeSession, OptionalInt previousSessionDiscomfort, OptionalInt thisSessionDiscomfort,
            int ambersInWindow) {

        public Report {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(when, "when");
            signs = signs == null || signs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signs));
            Objects.requireNonNull(painBeforeSession, "painBeforeSession (use OptionalInt.empty())");
            Objects.requireNonNull(previousSessionDiscomfort, "previousSessionDiscomfort (use OptionalInt.empty())");
            Objects.requireNonNull(thisSessionDiscomfort, "thisSessionDiscomfort (use OptionalInt.empty())");
            inRange("severity", severity, 0, 10);
            painBeforeSession.ifPresent(v -> inRange("painBeforeSession", v, 0, 10));
            previousSessionDiscomfort.ifPresent(v -> inRange("previousSessionDiscomfort", v, 0, 10));
            thisSessionDiscomfort.ifPresent(v -> inRange("thisSessionDiscomfort", v, 0, 10));
            if (ambersInWindow < 0) {
                throw new IllegalArgumentException("ambersInWindow must not be negative, was " + ambersInWindow);
            }
        }
    }

    /** The level, every reason that led to it (most urgent first), and whether a physician should see the client. */
    public record Decision(Level level, List<String> reasons, boolean seePhysician) {
        public Decision {
            Objects.requireNonNull(level, "level");
            reasons = List.copyOf(reasons);
        }

        /** The reasons as one paragraph, e.g. "Paused because numbness or tingling was reported." */
        public String explanation() {
            return String.join(" ", reasons);
        }
    }

    /** Applies the table: every rule that matches adds its reason; the most urgent level among them wins. */
    public static Decision decide(Report report, Thresholds thresholds) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(thresholds, "thresholds");
        Reasons reasons = new Reasons();
        emergency(report, reasons);
        red(report, thresholds, reasons);
        amber(report, thresholds, reasons);
        threeAmbers(report, thresholds, reasons);
        if (reasons.isEmpty()) {
            reasons.add(Level.GREEN, "Recorded for the care team: nothing in this report calls for a pause.");
        }
        return reasons.decision();
    }

    private static void emergency(Report r, Reasons reasons) {
        if (r.type() == Type.CHEST_PAIN_OR_BREATHING) {
            reasons.add(Level.EMERGENCY, "Call 911 now: " + lower(r.type().label) + " was reported.");
        }
        for (Sign sign : r.signs()) {
            if (sign.level == Level.EMERGENCY) {
                reasons.add(Level.EMERGENCY, "Call 911 now: " + lower(sign.label) + " was reported.");
            }
        }
    }

    private static void red(Report r, Thresholds t, Reasons reasons) {
        // Nerve and balance symptoms, or feeling unsafe, are never an expected effect of foam rolling.
        switch (r.type()) {
            case NUMBNESS_OR_TINGLING, DIZZINESS -> reasons.add(Level.RED,
                    "Paused because " + lower(r.type().label) + " was reported.");
            case FELT_UNSAFE -> reasons.add(Level.RED, "Paused because feeling unsafe or uncomfortable was reported.");
            case HEADACHE_OR_NECK_PAIN -> reasons.add(Level.RED,
                    "Paused because " + lower(r.type().label) + " is outside the upper-back program.");
            case WORSE_OR_UNSAFE -> reasons.add(Level.RED,
                    "Paused because the client ticked that something got worse or felt unsafe.");
            default -> {
            }
        }
        for (Sign sign : r.signs()) {
            if (sign.level == Level.RED) {
                reasons.addRed("Paused because " + lower(sign.label) + " was reported"
                        + (sign.physician ? ": a physician should see the client." : "."), sign.physician);
            }
        }
        // Pain that starts without the exercise is not the exercise's doing, and is a physician's question.
        if (r.when() == When.AT_REST) {
            reasons.addRed("Paused because it started at rest or at night, not with the exercise: a physician should "
                    + "see the client.", true);
        }
        if (r.severity() >= t.redSeverity()) {
            reasons.add(Level.RED, "Paused because severity " + r.severity() + " is in the stop range ("
                    + range(t.redSeverity(), 10) + ").");
        }
        if (r.region().isOutsideProgram()) {
            reasons.add(Level.RED, "Paused because it was felt in the " + lower(r.region().label)
                    + ", outside the upper-back program.");
        }
        // Compared with the client's own starting point: a 2 that became a 5 matters even though 5 is only amber.
        if (r.painBeforeSession().isPresent()
                && r.severity() - r.painBeforeSession().getAsInt() >= t.painRise()) {
            reasons.add(Level.RED, "Paused because pain rose from " + r.painBeforeSession().getAsInt()
                    + " before the session to " + r.severity() + ", a rise of " + t.painRise() + " or more.");
        }
    }

    private static void amber(Report r, Thresholds t, Reasons reasons) {
        if (r.severity() >= t.amberSeverity() && r.severity() < t.redSeverity()) {
            reasons.add(Level.AMBER, "Needs review because severity " + r.severity() + " is in the caution range ("
                    + range(t.amberSeverity(), t.redSeverity() - 1) + ").");
        }
        // The stop rule covers any increase: even a mild one is the trainer's to look at.
        if (r.type() == Type.INCREASED_PAIN && r.severity() < t.amberSeverity()) {
            reasons.add(Level.AMBER, "Needs review because pain increased (severity " + r.severity() + ").");
        }
        // Discomfort should settle from session to session; a jump suggests the dose is too much.
        if (r.previousSessionDiscomfort().isPresent() && r.thisSessionDiscomfort().isPresent()) {
            int before = r.previousSessionDiscomfort().getAsInt();
            int now = r.thisSessionDiscomfort().getAsInt();
            if (now - before >= t.discomfortRise()) {
                reasons.add(Level.AMBER, "Needs review because discomfort rose from " + before + " last session to "
                        + now + " this session, a rise of " + t.discomfortRise() + " or more.");
            }
        }
        // At or above the red threshold the severity rule already pauses; spreading adds nothing there.
        if (r.type() == Type.PAIN_SPREADING && r.severity() < t.redSeverity()) {
            reasons.add(Level.AMBER, "Needs review because " + lower(r.type().label) + " was reported.");
        }
        // A symptom that comes on a day later was not settled by rest; the trainer looks at the dose.
        if (r.when() == When.NEXT_DAY) {
            reasons.add(Level.AMBER, "Needs review because it came on the next day or later.");
        }
    }

    /** Repeated cautions add up: the one that reaches the count pauses the program like a red flag. */
    private static void threeAmbers(Report r, Thresholds t, Reasons reasons) {
        int cautions = r.ambersInWindow() + 1; // the earlier ones, plus this one
        if (reasons.level() == Level.AMBER && cautions >= t.ambersForRed()) {
            reasons.add(Level.RED, "Paused because this makes " + count(cautions, "caution") + " within "
                    + count(t.amberWindowDays(), "day") + " (the program pauses at " + t.ambersForRed() + ").");
        }
    }

    /** Reasons grouped by level; the map iterates most urgent first because Level is declared in that order. */
    private static final class Reasons {
        private final Map<Level, List<String>> byLevel = new EnumMap<>(Level.class);
        private boolean seePhysician;

        void add(Level level, String reason) {
            byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(reason);
        }

        boolean isEmpty() {
            return byLevel.isEmpty();
        }

        /** The most urgent level so far, or null when nothing matched yet. */
        Level level() {
            return byLevel.keySet().stream().findFirst().orElse(null);
        }

        void addRed(String reason, boolean physician) {
            add(Level.RED, reason);
            seePhysician |= physician;
        }

        Decision decision() {
            return new Decision(level(), byLevel.values().stream().flatMap(List::stream).toList(), seePhysician);
        }
    }

    private static void inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was " + value);
        }
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
