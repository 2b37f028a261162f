package io.backline.symptom;

import java.util.Locale;

/**
 * Which kind of provider a flag suggests: nerve, balance or chest symptoms are a physician's; joint stiffness or
 * pain a chiropractor's or physical therapist's; muscle tension a massage therapist's. A suggestion only: the
 * trainer chooses.
 */
public enum ReferralSuggestion {
    PHYSICIAN("Physician"),
    CHIROPRACTOR_OR_PHYSICAL_THERAPIST("Chiropractor or physical therapist"),
    MASSAGE_THERAPIST("Massage therapist"),
    PHYSICAL_THERAPIST("Physical therapist");

    public final String label;

    ReferralSuggestion(String label) {
        this.label = label;
    }

    public static ReferralSuggestion forFlag(SymptomFlag flag) {
        if (flag.seePhysician || flag.isEmergency()) {
            return PHYSICIAN;
        }
        return switch (flag.type) {
            case NUMBNESS_OR_TINGLING, DIZZINESS, CHEST_PAIN_OR_BREATHING, HEADACHE_OR_NECK_PAIN -> PHYSICIAN;
            case INCREASED_PAIN, PAIN_SPREADING -> mentionsMuscleTension(flag.description) ? MASSAGE_THERAPIST
                    : CHIROPRACTOR_OR_PHYSICAL_THERAPIST;
            case FELT_UNSAFE, OTHER, WORSE_OR_UNSAFE -> mentionsMuscleTension(flag.description) ? MASSAGE_THERAPIST : PHYSICAL_THERAPIST;
        } ;
    }

    private static boolean mentionsMuscleTension(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("tight") || lower.contains("tension") || lower.contains("knot") || lower.contains("muscle");
    }
}
