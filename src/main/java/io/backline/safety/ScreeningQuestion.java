package io.backline.safety;

/**
 * The pre-exercise questions asked before the first session. Each names a condition where bending the upper back
 * over a roller can do harm, so any "yes" waits for a health professional's clearance.
 */
public enum ScreeningQuestion {
    OSTEOPOROSIS("Have you been told you have osteoporosis or osteopenia (thin or weak bones)?"),
    SPINE_OR_RIB_INJURY("Have you broken a bone in, or had surgery on, your spine or ribs in the last 12 months?"),
    PREGNANCY("Are you pregnant?"),
    CANCER("Do you have cancer now, or have you had it in the past?"),
    INFLAMMATORY_ARTHRITIS("Do you have an inflammatory arthritis, such as rheumatoid arthritis or ankylosing spondylitis?"),
    HYPERMOBILITY("Have you been told your joints are hypermobile (unusually loose)?"),
    BLOOD_THINNERS("Do you take a blood thinner?"),
    WEIGHT_LOSS_OR_NIGHT_PAIN("Have you lost weight without trying, or do you have pain at night?");

    public final String question;

    ScreeningQuestion(String question) {
        this.question = question;
    }

    /** The form field's name. */
    public String field() {
        return name();
    }
}
