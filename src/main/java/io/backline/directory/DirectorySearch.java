package io.backline.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * What a person asked the directory for, as typed into the search form and kept in the address, so a search can be
 * bookmarked: the search page's query parameters, bound as one record ({@code @BeanParam}). Anything that could not
 * be used is explained in {@link Directory.Result#problems()}.
 */
public record DirectorySearch(@RestQuery String q, @RestQuery String specialty, @RestQuery String place,
        @RestQuery String near, @RestQuery String lat, @RestQuery String lon, @RestQuery String radius,
        @RestQuery boolean accepting, @RestQuery String language, @RestQuery String insurance, @RestQuery String sort,
        @RestQuery String page, @RestQuery boolean favourites) {

    /** Browsers send a form's spaces as '+' in the query string, and the server leaves them as they came. */
    public DirectorySearch {
        q = spaces(q);
        place = spaces(place);
        language = spaces(language);
        insurance = spaces(insurance);
    }

    private static String spaces(String value) {
        return value == null ? null : value.replace('+', ' ');
    }

    /** Miles, as US clinics and their clients speak of distance; only the query converts to metres. */
    public static final int DEFAULT_RADIUS_MILES = 6;
    public static final int MAX_RADIUS_MILES = 60;

    public Specialty specialtyValue() {
        return Specialty.parse(specialty);
    }

    /** Words of the free text, lower-cased; each must appear in the name, practice, techniques or credentials. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        for (String word : text(q).toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isBlank() && words.size() < 6) {
                words.add(word.length() > 40 ? word.substring(0, 40) : word);
            }
        }
        return words;
    }

    /** The radius in whole miles, 1 to 60; 6 when none (or no number) was given. */
    public int radiusMiles() {
        try {
            int miles = Integer.parseInt(text(radius));
            return Math.max(1, Math.min(MAX_RADIUS_MILES, miles));
        } catch (NumberFormatException e) {
            return DEFAULT_RADIUS_MILES;
        }
    }

    public boolean byName() {
        return "name".equals(sort);
    }

    public int pageIndex() {
        return io.backline.web.Paged.index(page);
    }

    public String placeText() {
        return text(place);
    }

    public String nearText() {
        return text(near);
    }

    public String languageText() {
        return text(language);
    }

    public String insuranceText() {
        return text(insurance);
    }

    /**
     * The search as a query string, for bookmarks and pager links (page left out). Written here rather than by
     * Renarde's {@code uri:}, which leaves a {@code @BeanParam} out of the links it builds, and whose URI templates
     * would read a typed "{" as a placeholder.
     */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "q", q);
        append(query, "specialty", specialty);
        append(query, "place", place);
        append(query, "near", near);
        append(query, "lat", lat);
        append(query, "lon", lon);
        append(query, "radius", radius);
        if (accepting) {
            append(query, "accepting", "true");
        }
        if (favourites) {
            append(query, "favourites", "true");
        }
        append(query, "language", language);
        append(query, "insurance", insurance);
        append(query, "sort", sort);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(name).append('=').append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
