package io.backline.web.i18n;

import io.quarkus.qute.TemplateExtension;

/**
 * An answer's words in the reader's language: {@code {type.localized}} reads the bundle's
 * {@code FlagRules.Type.INCREASED_PAIN}. Staff pages keep each enum's English {@code label}.
 */
@TemplateExtension
public final class EnumTexts {
    private EnumTexts() {
    }

    static String localized(Enum<?> value) {
        return value == null ? "" : Texts.get(key(value));
    }

    /** A form's date input keeps ISO: {@code max="{today.iso}"}. */
    static String iso(java.time.LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** A date as text for a message's argument ({@code {m:key(day.shown)}}), where no result mapper runs. */
    static String shown(java.time.LocalDate date) {
        return Dates.date(date, Languages.current());
    }

    public static String key(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        String name = type.getEnclosingClass() != null
                ? type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName() : type.getSimpleName();
        return name + "." + value.name();
    }
}
