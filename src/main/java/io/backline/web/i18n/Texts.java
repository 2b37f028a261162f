package io.backline.web.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message bundles ({@code messages.properties}, {@code messages_es.properties}, the ones templates read with
 * {@code {m:…}}) for code that has no request, such as the jobs that email a client in the client's language.
 */
public final class Texts {
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** The message in the language, formatted as Renarde's {@code {m:key(arg)}} does ({@code %s}, {@code %%}). */
    public static String get(String language, String key, Object... args) {
        if (language != null && !Languages.SUPPORTED.contains(language)) {
            // get("key", "an argument") binds to this overload: the first string is then the key, in the request's language.
            Object[] all = new Object[args.length + 1];
            all[0] = key;
            System.arraycopy(args, 0, all, 1, args.length);
            return get(Languages.current(), language, all);
        }
        Locale locale = Languages.SPANISH.equals(language) ? Locale.forLanguageTag("es") : Locale.ROOT;
        try {
            String message = ResourceBundle.getBundle("messages", locale, Texts.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
            return String.format(message, args);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    /** The message in the current request's language, or {@code fallback} when no bundle has the key. */
    public static String orElse(String key, String fallback, Object... args) {
        String message = get(Languages.current(), key, args);
        return message.equals(key) ? fallback : message;
    }

    /** The message in the current request's language. */
    public static String get(String key, Object... args) {
        return get(Languages.current(), key, args);
    }
}
