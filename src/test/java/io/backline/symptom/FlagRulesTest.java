package io.backline.symptom;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.backline.symptom.FlagRules.Decision;
import io.backline.symptom.FlagRules.Level;
import io.backline.symptom.FlagRules.Region;
import io.backline.symptom.FlagRules.Report;
import io.backline.symptom.FlagRules.Sign;
import io.backline.symptom.FlagRules.Thresholds;
import io.backline.symptom.FlagRules.Type;
import io.backline.symptom.FlagRules.When;

/** The symptom-flag decision table: one test per row, then its boundaries and edge cases. */
class FlagRulesTest {

    // ---- a report is built from a quiet baseline (green), so each test changes only what it is about ----

    /** A mutable report in the making; starts as a mild "other" symptom in the upper back, nothing else known. */
    private static final class R {
        Type type = Type.OTHER;
        int severity = 2;
        Region region = Region.MIDDLE_THORACIC;
        When when = When.DURING;
        Set<Sign> signs = EnumSet.noneOf(Sign.class);
        OptionalInt painBefore = OptionalInt.empty();
        OptionalInt previousDiscomfort = OptionalInt.empty();
        OptionalInt thisDiscomfort = OptionalInt.empty();
        int ambersInWindow;

        R type(Type t) { type = t; return this; }
        R severity(int s) { severity = s; return this; }
        R region(Region r) { region = r; return this; }
        R when(When w) { when = w; return this; }
        R sign(Sign s) { signs.add(s); return this; }
        R painBefore(int p) { painBefore = OptionalInt.of(p); return this; }
        R discomfort(int previous, int now) {
            previousDiscomfort = OptionalInt.of(previous);
            thisDiscomfort = OptionalInt.of(now);
            return this;
        }
        R ambersInWindow(int n) { ambersInWindow = n; return this; }

        Report report() {
            return new Report(type, severity, region, when, signs, painBefore, previousDiscomfort,
                    thisDiscomfort, ambersInWindow);
        }

        Decision decide() {
            return FlagRules.decide(report(), Thresholds.defaults());
        }

        Decision decide(Thresholds thresholds) {
            return FlagRules.decide(report(), thresholds);
        }
    }

    private static R report() {
        return new R();
    }

    private static void assertDecision(Level level, String cause, Decision decision) {
        assertEquals(level, decision.level(), decision.explanation());
        assertTrue(decision.explanation().contains(cause),
                () -> "expected the explanation to name \"" + cause + "\" but was: " + decision.explanation());
    }

    // ---- EMERGENCY ----

    @Test
    void chestPainOrTroubleBreathingIsAnEmergencyEvenWhenMild() {
        Decision d = report().type(Type.CHEST_PAIN_OR_BREATHING).severity(1).decide();
        assertDecision(Level.EMERGENCY, "Call 911 now: chest pain or trouble breathing was reported.", d);
    }

    @Test
    void chestPainOrPressureOrTroubleBreathingTickedAsASignIsAnEmergency() {
        assertDecision(Level.EMERGENCY, "Call 911 now: chest pain or pressure, or trouble breathing was reported.",
                report().sign(Sign.CHEST_PAIN_OR_BREATHING).decide());
    }

    @Test
    void painBetweenTheShoulderBladesWithSweatingNauseaJawOrArmPainOrTearingIsAnEmergency() {
        assertDecision(Level.EMERGENCY, "Call 911 now: pain between the shoulder blades with sweating, nausea, jaw or "
                + "arm pain, or a tearing feeling was reported.",
                report().sign(Sign.SHOULDER_BLADE_PAIN_WITH_SWEATING).decide());
    }

    @Test
    void aChangeInBowelOrBladderControlOrSaddleNumbnessIsAnEmergency() {
        assertDecision(Level.EMERGENCY, "a change in bowel or bladder control, or numbness in the groin or buttocks",
                report().sign(Sign.BOWEL_OR_BLADDER).decide());
    }

    @Test
    void weaknessOrNumbnessInBothArmsOrLegsClumsyHandsOrAChangeInWalkingIsAnEmergency() {
        assertDecision(Level.EMERGENCY, "weakness or numbness in both arms or both legs, clumsy hands, or a change in walking",
                report().sign(Sign.BOTH_ARMS_OR_LEGS).decide());
    }

    @Test
    void faintingVisionOrSpeechChangeDroopingFaceOrSuddenSevereHeadacheIsAnEmergency() {
        assertDecision(Level.EMERGENCY, "fainting, a change in vision or speech, a drooping face, or a sudden severe headache",
                report().sign(Sign.FAINTING_VISION_OR_SPEECH).decide());
    }

    @Test
    void everyEmergencySignIsAnEmergencyWhateverTheTypeAndSeverity() {
        for (Sign sign : Sign.values()) {
            if (sign.level != Level.EMERGENCY) {
                continue;
            }
            for (Type type : Type.values()) {
                Decision d = report().type(type).severity(0).sign(sign).decide();
                assertEquals(Level.EMERGENCY, d.level(), sign + " with " + type);
                assertTrue(d.explanation().startsWith("Call 911 now:"), d.explanation());
            }
        }
    }

    // ---- RED ----

    @Test
    void lossOfBalanceAloneIsRedNotAnEmergency() {
        Decision d = report().sign(Sign.LOSS_OF_BALANCE).decide();
        assertDecision(Level.RED, "Paused because loss of balance was reported.", d);
        assertFalse(d.explanation().contains("911"), d.explanation());
    }

    @Test
    void ribPainOnADeepBreathIsRed() {
        assertDecision(Level.RED, "Paused because rib pain when breathing in deeply was reported.",
                report().sign(Sign.RIB_PAIN_ON_DEEP_BREATH).decide());
    }

    @Test
    void feverWeightLossNightPainOrCancerHistoryIsRedAndAsksForAPhysician() {
        for (Sign sign : List.of(Sign.FEVER, Sign.UNEXPLAINED_WEIGHT_LOSS, Sign.PAIN_AT_NIGHT_OR_REST,
                Sign.HISTORY_OF_CANCER)) {
            Decision d = report().sign(sign).decide();
            assertDecision(Level.RED, "a physician should see the client", d);
            assertTrue(d.seePhysician(), sign.name());
        }
    }

    @Test
    void aFallOrACrackWithSharpPainIsRed() {
        Decision d = report().sign(Sign.FALL_OR_CRACK).decide();
        assertDecision(Level.RED, "a fall, or a crack or pop with sharp pain", d);
        assertFalse(d.seePhysician());
    }

    @Test
    void symptomsStillThereTheNextMorningAreRed() {
        assertDecision(Level.RED, "symptoms still there the next morning",
                report().sign(Sign.STILL_THERE_NEXT_MORNING).decide());
    }

    @Test
    void aSymptomThatStartedAtRestOrAtNightIsRedAndAsksForAPhysician() {
        Decision d = report().when(When.AT_REST).decide();
        assertDecision(Level.RED, "started at rest or at night, not with the exercise", d);
        assertTrue(d.seePhysician());
    }

    @Test
    void theCheckOffTickIsRedEvenWithNoDiscomfort() {
        Decision d = report().type(Type.WORSE_OR_UNSAFE).severity(0).region(Region.NOT_GIVEN).decide();
        assertDecision(Level.RED, "ticked that something got worse or felt unsafe", d);
    }

    @Test
    void numbnessOrTinglingPausesTheProgram() {
        assertDecision(Level.RED, "Paused because numbness or tingling was reported.",
                report().type(Type.NUMBNESS_OR_TINGLING).severity(1).decide());
    }

    @Test
    void dizzinessPausesTheProgram() {
        assertDecision(Level.RED, "Paused because dizziness or light-headedness was reported.",
                report().type(Type.DIZZINESS).severity(1).decide());
    }

    @Test
    void feelingUnsafePausesTheProgram() {
        assertDecision(Level.RED, "Paused because feeling unsafe or uncomfortable was reported.",
                report().type(Type.FELT_UNSAFE).severity(0).decide());
    }

    @Test
    void severityAtTheRedThresholdPausesTheProgram() {
        assertDecision(Level.RED, "Paused because severity 7 is in the stop range (7–10).",
                report().severity(7).decide());
    }

    @Test
    void symptomsInTheNeckAreOutsideTheProgramAndPause() {
        assertDecision(Level.RED, "Paused because it was felt in the neck, outside the upper-back program.",
                report().region(Region.NECK).decide());
    }

    @Test
    void symptomsInTheLowerBackAreOutsideTheProgramAndPause() {
        assertDecision(Level.RED, "Paused because it was felt in the lower back, outside the upper-back program.",
                report().region(Region.LOWER_BACK).decide());
    }

    @Test
    void headacheOrNeckPainCountsAsPainOutsideTheProgram() {
        assertDecision(Level.RED, "Paused because headache or neck pain is outside the upper-back program.",
                report().type(Type.HEADACHE_OR_NECK_PAIN).severity(1).region(Region.UPPER_THORACIC).decide());
    }

    @Test
    void painRisingTwoAboveThePainBeforeTheSessionPauses() {
        assertDecision(Level.RED, "Paused because pain rose from 1 before the session to 3, a rise of 2 or more.",
                report().painBefore(1).severity(3).decide());
    }

    @Test
    void aThirdCautionWithinSevenDaysPausesTheProgram() {
        Decision d = report().severity(5).ambersInWindow(2).decide();
        assertDecision(Level.RED, "Paused because this makes 3 cautions within 7 days (the program pauses at 3).", d);
    }

    // ---- AMBER ----

    @Test
    void severityInTheCautionRangeNeedsReview() {
        Decision d = report().severity(5).decide();
        assertEquals(Level.AMBER, d.level());
        assertEquals("Needs review because severity 5 is in the caution range (4–6).", d.explanation());
    }

    @Test
    void discomfortRisingTwoSinceTheLastSessionNeedsReview() {
        assertDecision(Level.AMBER,
                "Needs review because discomfort rose from 1 last session to 3 this session, a rise of 2 or more.",
                report().discomfort(1, 3).decide());
    }

    @Test
    void painSpreadingBelowTheRedThresholdNeedsReview() {
        assertDecision(Level.AMBER, "Needs review because pain spreading elsewhere was reported.",
                report().type(Type.PAIN_SPREADING).severity(1).decide());
    }

    @Test
    void painSpreadingAtTheRedThresholdIsRedForItsSeverityAlone() {
        Decision d = report().type(Type.PAIN_SPREADING).severity(7).decide();
        assertDecision(Level.RED, "severity 7 is in the stop range", d);
        assertFalse(d.explanation().contains("spreading"), d.explanation());
    }

    // ---- GREEN ----

    @Test
    void mildOtherSymptomInTheLowerThoracicRegionIsRecordedWithoutAlert() {
        Decision d = report().type(Type.OTHER).severity(3).region(Region.LOWER_THORACIC).decide();
        assertEquals(Level.GREEN, d.level());
        assertEquals("Recorded for the care team: nothing in this report calls for a pause.", d.explanation());
        assertFalse(d.level().alertsTrainer());
        assertFalse(d.level().pausesProgram());
    }

    @Test
    void noGreenReasonGivesDosingAdvice() {
        String reason = report().severity(0).decide().explanation().toLowerCase();
        assertFalse(reason.contains("expected") || reason.contains("continue") || reason.contains("shorter"), reason);
    }

    // ---- AMBER: increased pain at any severity, and when it started ----

    @Test
    void increasedPainAtAnySeverityReachesTheTrainer() {
        for (int severity = 0; severity < 4; severity++) {
            Decision d = report().type(Type.INCREASED_PAIN).severity(severity).decide();
            assertDecision(Level.AMBER, "pain increased (severity " + severity + ")", d);
            assertTrue(d.level().alertsTrainer());
        }
    }

    @Test
    void aSymptomThatCameOnTheNextDayNeedsReview() {
        assertDecision(Level.AMBER, "came on the next day or later", report().when(When.NEXT_DAY).decide());
    }

    @Test
    void duringRightAfterOrLaterThatDayAloneDoNotChangeTheLevel() {
        for (When when : List.of(When.DURING, When.AFTER, When.LATER_THAT_DAY)) {
            assertEquals(Level.GREEN, report().severity(2).when(when).decide().level(), when.name());
            assertEquals(Level.AMBER, report().severity(5).when(when).decide().level(), when.name());
        }
    }

    // ---- severity boundaries with the default thresholds ----

    @Test
    void severityThreeIsGreen() {
        assertEquals(Level.GREEN, report().severity(3).decide().level());
    }

    @Test
    void severityFourIsTheFirstAmber() {
        assertDecision(Level.AMBER, "severity 4 is in the caution range (4–6)", report().severity(4).decide());
    }

    @Test
    void severitySixIsTheLastAmber() {
        assertDecision(Level.AMBER, "severity 6 is in the caution range (4–6)", report().severity(6).decide());
    }

    @Test
    void severitySevenIsTheFirstRed() {
        Decision d = report().severity(7).decide();
        assertDecision(Level.RED, "severity 7 is in the stop range (7–10)", d);
        assertFalse(d.explanation().contains("caution range"), d.explanation());
    }

    @Test
    void severityZeroAndTenAreAccepted() {
        assertEquals(Level.GREEN, report().severity(0).decide().level());
        assertDecision(Level.RED, "severity 10 is in the stop range (7–10)", report().severity(10).decide());
    }

    // ---- rise boundaries and missing values ----

    @Test
    void painRisingByOneDoesNotPause() {
        assertEquals(Level.GREEN, report().painBefore(2).severity(3).decide().level());
    }

    @Test
    void painRisingByTwoPausesEvenWhenTheSeverityIsOnlyCaution() {
        Decision d = report().painBefore(2).severity(4).decide();
        assertDecision(Level.RED, "pain rose from 2 before the session to 4", d);
        assertTrue(d.explanation().contains("caution range"), "the amber reason is still listed");
    }

    @Test
    void painThatWentDownDoesNotPause() {
        assertEquals(Level.GREEN, report().painBefore(3).severity(1).decide().level());
    }

    @Test
    void discomfortRisingByOneIsNotACaution() {
        assertEquals(Level.GREEN, report().discomfort(1, 2).decide().level());
    }

    @Test
    void discomfortThatWentDownIsNotACaution() {
        assertEquals(Level.GREEN, report().discomfort(6, 1).decide().level());
    }

    @Test
    void missingPainBeforeTheSessionNeverCountsAsARise() {
        Decision d = report().severity(3).decide();
        assertEquals(Level.GREEN, d.level());
        assertFalse(d.explanation().contains("rose"), d.explanation());
    }

    @Test
    void missingDiscomfortFromEitherSessionNeverCountsAsARise() {
        R onlyThisSession = report();
        onlyThisSession.thisDiscomfort = OptionalInt.of(10);
        R onlyLastSession = report();
        onlyLastSession.previousDiscomfort = OptionalInt.of(0);
        assertEquals(Level.GREEN, onlyThisSession.decide().level());
        assertEquals(Level.GREEN, onlyLastSession.decide().level());
    }

    // ---- the three-ambers rule ----

    @Test
    void twoEarlierCautionsAndACautionNowIsRed() {
        Decision d = report().discomfort(0, 2).ambersInWindow(2).decide();
        assertDecision(Level.RED, "this makes 3 cautions within 7 days", d);
        assertTrue(d.level().pausesProgram());
    }

    @Test
    void oneEarlierCautionAndACautionNowStaysAmber() {
        Decision d = report().severity(5).ambersInWindow(1).decide();
        assertEquals(Level.AMBER, d.level());
        assertFalse(d.explanation().contains("cautions within"), d.explanation());
    }

    @Test
    void twoEarlierCautionsAndAGreenReportNowStaysGreen() {
        assertEquals(Level.GREEN, report().severity(2).ambersInWindow(2).decide().level());
    }

    @Test
    void moreEarlierCautionsThanNeededStillMakeACautionRed() {
        assertDecision(Level.RED, "this makes 6 cautions within 7 days (the program pauses at 3)",
                report().severity(4).ambersInWindow(5).decide());
    }

    @Test
    void earlierCautionsAreNotMentionedWhenTheReportIsAlreadyRed() {
        Decision d = report().type(Type.DIZZINESS).severity(5).ambersInWindow(2).decide();
        assertEquals(Level.RED, d.level());
        assertFalse(d.explanation().contains("cautions within"), d.explanation());
    }

    @Test
    void theCautionThatTipsItOverKeepsItsOwnReasonAfterThePause() {
        Decision d = report().severity(5).ambersInWindow(2).decide();
        assertEquals(List.of(
                "Paused because this makes 3 cautions within 7 days (the program pauses at 3).",
                "Needs review because severity 5 is in the caution range (4–6)."), d.reasons());
    }

    // ---- custom thresholds ----

    @Test
    void aClinicRedThresholdOfFiveMakesFiveAStop() {
        Thresholds clinic = new Thresholds(5, 3, 2, 2, 3, 7);
        assertDecision(Level.AMBER, "severity 4 is in the caution range (3–4)", report().severity(4).decide(clinic));
        assertDecision(Level.RED, "severity 5 is in the stop range (5–10)", report().severity(5).decide(clinic));
    }

    @Test
    void aClinicAmberThresholdOfThreeMakesThreeACaution() {
        Thresholds clinic = new Thresholds(7, 3, 2, 2, 3, 7);
        assertDecision(Level.AMBER, "severity 3 is in the caution range (3–6)", report().severity(3).decide(clinic));
        assertEquals(Level.GREEN, report().severity(2).decide(clinic).level());
    }

    @Test
    void aClinicPainRiseOfThreeIgnoresARiseOfTwo() {
        Thresholds clinic = new Thresholds(7, 4, 3, 2, 3, 7);
        assertEquals(Level.GREEN, report().painBefore(1).severity(3).decide(clinic).level());
        assertDecision(Level.RED, "a rise of 3 or more", report().painBefore(0).severity(3).decide(clinic));
    }

    @Test
    void aClinicDiscomfortRiseOfOneFlagsAnyIncrease() {
        Thresholds clinic = new Thresholds(7, 4, 2, 1, 3, 7);
        assertDecision(Level.AMBER, "a rise of 1 or more", report().discomfort(2, 3).decide(clinic));
    }

    @Test
    void aClinicCanPauseOnTheSecondCautionWithinFourteenDays() {
        Thresholds clinic = new Thresholds(7, 4, 2, 2, 2, 14);
        assertDecision(Level.RED, "this makes 2 cautions within 14 days (the program pauses at 2)",
                report().severity(5).ambersInWindow(1).decide(clinic));
    }

    @Test
    void aClinicCanPauseOnEveryCautionWithinOneDay() {
        Thresholds clinic = new Thresholds(7, 4, 2, 2, 1, 1);
        assertDecision(Level.RED, "this makes 1 caution within 1 day (the program pauses at 1)",
                report().severity(5).decide(clinic));
    }

    @Test
    void aRedThresholdAboveSevenIsRefusedSoNoClinicStopsLaterThanTheProgram() {
        assertAll(
                rejected(() -> new Thresholds(8, 4, 2, 2, 3, 7)),
                rejected(() -> new Thresholds(9, 4, 2, 2, 3, 7)),
                rejected(() -> new Thresholds(10, 9, 2, 2, 3, 7)));
        assertEquals(Level.RED, report().severity(7).decide(new Thresholds(7, 6, 2, 2, 3, 7)).level());
    }

    @Test
    void theDefaultsAreTheProgramsOwnSafetyRule() {
        assertEquals(new Thresholds(7, 4, 2, 2, 3, 7), Thresholds.defaults());
    }

    @Test
    void thresholdsOutsideTheirRangesAreRejected() {
        assertAll(
                rejected(() -> new Thresholds(11, 4, 2, 2, 3, 7)),
                rejected(() -> new Thresholds(7, -1, 2, 2, 3, 7)),
                rejected(() -> new Thresholds(7, 4, 0, 2, 3, 7)),
                rejected(() -> new Thresholds(7, 4, 11, 2, 3, 7)),
                rejected(() -> new Thresholds(7, 4, 2, 0, 3, 7)),
                rejected(() -> new Thresholds(7, 4, 2, 11, 3, 7)),
                rejected(() -> new Thresholds(7, 4, 2, 2, 0, 7)),
                rejected(() -> new Thresholds(7, 4, 2, 2, 3, 0)));
    }

    @Test
    void theCautionThresholdMustBeBelowTheStopThreshold() {
        assertAll(
                rejected(() -> new Thresholds(5, 5, 2, 2, 3, 7)),
                rejected(() -> new Thresholds(4, 6, 2, 2, 3, 7)),
                rejected(() -> new Thresholds(0, 0, 2, 2, 3, 7)));
    }

    // ---- report validation ----

    @Test
    void severityAboveTenIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> report().severity(11).report());
    }

    @Test
    void severityBelowZeroIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> report().severity(-1).report());
    }

    @Test
    void painAndDiscomfortScoresOutsideZeroToTenAreRejected() {
        assertAll(
                rejected(() -> report().painBefore(11).report()),
                rejected(() -> report().painBefore(-1).report()),
                rejected(() -> report().discomfort(-1, 2).report()),
                rejected(() -> report().discomfort(2, 11).report()));
    }

    @Test
    void aNegativeCountOfEarlierCautionsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> report().ambersInWindow(-1).report());
    }

    @Test
    void aReportWithoutTypeRegionOrTimeIsRejected() {
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> report().type(null).report()),
                () -> assertThrows(NullPointerException.class, () -> report().region(null).report()),
                () -> assertThrows(NullPointerException.class, () -> report().when(null).report()));
    }

    // ---- several causes at once ----

    @Test
    void everyCauseIsListedMostUrgentFirstAndTheMostUrgentLevelWins() {
        Decision d = report().type(Type.NUMBNESS_OR_TINGLING).severity(8).region(Region.NECK)
                .sign(Sign.BOTH_ARMS_OR_LEGS).painBefore(2).discomfort(1, 5).decide();
        assertEquals(Level.EMERGENCY, d.level());
        assertEquals(List.of(
                "Call 911 now: weakness or numbness in both arms or both legs, clumsy hands, or a change in walking "
                        + "was reported.",
                "Paused because numbness or tingling was reported.",
                "Paused because severity 8 is in the stop range (7–10).",
                "Paused because it was felt in the neck, outside the upper-back program.",
                "Paused because pain rose from 2 before the session to 8, a rise of 2 or more.",
                "Needs review because discomfort rose from 1 last session to 5 this session, a rise of 2 or more."),
                d.reasons());
    }

    @Test
    void twoCautionsAtOnceAreBothListedAndStayAmber() {
        Decision d = report().type(Type.PAIN_SPREADING).severity(5).decide();
        assertEquals(Level.AMBER, d.level());
        assertEquals(List.of(
                "Needs review because severity 5 is in the caution range (4–6).",
                "Needs review because pain spreading elsewhere was reported."), d.reasons());
    }

    @Test
    void theGreenReasonIsNeverAddedToAnAlert() {
        Decision d = report().severity(5).decide();
        assertFalse(d.explanation().contains("Recorded"), d.explanation());
    }

    // ---- what each level means, and what the app shows ----

    @Test
    void onlyEmergencyAndRedPauseTheProgram() {
        assertTrue(Level.EMERGENCY.pausesProgram());
        assertTrue(Level.RED.pausesProgram());
        assertFalse(Level.AMBER.pausesProgram());
        assertFalse(Level.GREEN.pausesProgram());
    }

    @Test
    void everyLevelButGreenAlertsTheTrainer() {
        assertTrue(Level.EMERGENCY.alertsTrainer());
        assertTrue(Level.RED.alertsTrainer());
        assertTrue(Level.AMBER.alertsTrainer());
        assertFalse(Level.GREEN.alertsTrainer());
    }

    @Test
    void levelsAreOrderedFromMostToLeastUrgent() {
        assertEquals(List.of(Level.EMERGENCY, Level.RED, Level.AMBER, Level.GREEN), List.of(Level.values()));
    }

    @Test
    void onlyTheNeckAndLowerBackAreOutsideTheProgram() {
        for (Region region : Region.values()) {
            assertEquals(region == Region.NECK || region == Region.LOWER_BACK, region.isOutsideProgram(),
                    region.name());
        }
    }

    @Test
    void aRedLevelIsNeverLoweredByAtLeast() {
        assertEquals(Level.RED, Level.GREEN.atLeast(Level.RED));
        assertEquals(Level.RED, Level.AMBER.atLeast(Level.RED));
        assertEquals(Level.EMERGENCY, Level.EMERGENCY.atLeast(Level.RED));
    }

    @Test
    void explanationsAreSentencesWithoutCodeNames() {
        for (Type type : Type.values()) {
            for (Region region : Region.values()) {
                for (int severity : new int[] {0, 4, 7}) {
                    Decision d = report().type(type).region(region).severity(severity).painBefore(0)
                            .discomfort(0, 5).sign(Sign.values()[severity % Sign.values().length]).decide();
                    for (String reason : d.reasons()) {
                        assertTrue(reason.endsWith("."), reason);
                        assertTrue(Character.isUpperCase(reason.charAt(0)), reason);
                        assertFalse(reason.contains("_"), reason);
                    }
                }
            }
        }
    }

    @Test
    void everyChoiceHasALabel() {
        for (Type t : Type.values()) {
            assertFalse(t.label.isBlank(), t.name());
        }
        for (Region r : Region.values()) {
            assertFalse(r.label.isBlank(), r.name());
        }
        for (When w : When.values()) {
            assertFalse(w.label.isBlank(), w.name());
        }
        for (Sign sign : Sign.values()) {
            assertFalse(sign.label.isBlank(), sign.name());
        }
        assertFalse(Type.choices().contains(Type.WORSE_OR_UNSAFE), "the tick is not a choice on the form");
        assertFalse(Region.choices().contains(Region.NOT_GIVEN));
        assertEquals("Numbness or tingling", Type.NUMBNESS_OR_TINGLING.label);
        assertEquals("Dizziness or light-headedness", Type.DIZZINESS.label);
        assertEquals("Chest pain or trouble breathing", Type.CHEST_PAIN_OR_BREATHING.label);
    }

    @Test
    void aDecisionsReasonsCannotBeChangedAfterwards() {
        Decision d = report().severity(5).decide();
        assertThrows(UnsupportedOperationException.class, () -> d.reasons().add("Edited."));
    }

    private static Executable rejected(Executable construction) {
        return () -> assertThrows(IllegalArgumentException.class, construction);
    }
}
