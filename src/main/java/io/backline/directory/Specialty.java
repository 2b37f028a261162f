package io.backline.directory;

/** What a provider does; the values follow the care-team roles Backline refers to. */
public enum Specialty {
    CHIROPRACTOR("Chiropractor", "Chiropractors"),
    MASSAGE_THERAPIST("Massage therapist", "Massage therapists"),
    PHYSICAL_THERAPIST("Physical therapist", "Physical therapists"),
    PHYSICIAN("Physician", "Physicians"),
    OTHER("Other", "Other providers");

    public final String label;
    public final String plural;

    Specialty(String label, String plural) {
        this.label = label;
        this.plural = plural;
    }

    public static Specialty parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase().replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
