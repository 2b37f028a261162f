package io.backline.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field errors for a form that is shown again with what the person typed: {@code errors.has('hold')} and
 * {@code errors.get('hold')} in templates.
 */
public class FormErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.getOrDefault(field, "");
    }

    /** For repeated fields, one per roller level: {@code hold0}, {@code hold1}, … */
    public boolean hasLevel(String field, int index) {
        return has(field + index);
    }

    public String getLevel(String field, int index) {
        return get(field + index);
    }

    /** The form's one-time key (a double submit saves once); a missing or edited one means the form expired. */
    public java.util.UUID requestKey(String typed) {
        try {
            return java.util.UUID.fromString(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            add("requestKey", "The form expired; please send it again.");
            return null;
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(messages);
    }

    /** Parses a whole number typed into a form, recording a message instead of failing. */
    public Integer integer(String field, String typed, int min, int max, String message) {
        try {
            int value = Integer.parseInt(typed == null ? "" : typed.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the message: the person sees what they typed and why it was refused
        }
        add(field, message);
        return null;
    }

    /** Text that must be present and not too long. */
    public String text(String field, String typed, int maxLength, boolean required, String label) {
        String value = typed == null ? "" : typed.strip();
        if (required && value.isEmpty()) {
            add(field, label + " is required.");
        } else if (value.length() > maxLength) {
            add(field, label + " can be at most " + maxLength + " characters (it has " + value.length() + ").");
        }
        return value;
    }
}
