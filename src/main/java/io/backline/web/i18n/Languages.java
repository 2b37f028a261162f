package io.backline.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkiverse.renarde.util.I18N;
import io.quarkus.arc.Arc;

/** The languages Backline speaks ({@code quarkus.locales}), and the one the current request speaks. */
public final class Languages {
    public static final String ENGLISH = "en";
    public static final String SPANISH = "es";
    public static final List<String> SUPPORTED = List.of(ENGLISH, SPANISH);
    private static final Optional<String> IN_ENGLISH = Optional.of(ENGLISH);
    private static final Optional<String> IN_SPANISH = Optional.of(SPANISH);

    private Languages() {
    }

    /** The supported language of a tag such as "es-MX" or "es_US", matched on its primary language. */
    public static Optional<String> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        // Asked on every request and for every text: the two answers that need no parsing first.
        if (tag.equals(ENGLISH)) {
            return IN_ENGLISH;
        }
        if (tag.equals(SPANISH)) {
            return IN_SPANISH;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }

    /** The request's language, chosen by {@code people/LanguageChoice}; English outside a request (jobs). */
    public static String current() {
        if (Arc.container() != null && Arc.container().requestContext().isActive()) {
            I18N i18n = Arc.container().instance(I18N.class).get();
            return supported(i18n.getLanguage()).orElse(ENGLISH);
        }
        return ENGLISH;
    }

    public static Locale locale(String language) {
        return SPANISH.equals(language) ? Locale.forLanguageTag("es-US") : Locale.US;
    }
}
