package io.backline.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.backline.clinic.CurrentClinic;

/**
 * The provider directory as one clinic sees it: the shared entries and its own private ones, never another
 * clinic's. A search is two statements whatever it finds (matching ids with distances and the total, then those
 * providers), plus one to look up a postal code.
 */
@RequestScoped
public class Directory {
    public static final int PAGE_SIZE = 20;

    @Inject
    CurrentClinic currentClinic;
    @Inject
    ClinicSql clinicSql;

    public record Origin(String label, double latitude, double longitude) {
    }

    public record Hit(ProviderCard provider, Double distanceKm, boolean favourite) {
    }

    public record Result(List<Hit> hits, long total, int pageIndex, Origin origin, List<String> problems) {
        public int number() {
            return pageIndex + 1;
        }

        public int lastNumber() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return pageIndex > 0;
        }

        public boolean hasNext() {
            return (long) (pageIndex + 1) * PAGE_SIZE < total;
        }
    }

    /** A provider this clinic may see, or empty: another clinic's private entry is not there. */
    public Optional<Provider> visible(UUID id) {
        return Provider.find("id = ?1 and (ownerClinicId is null or ownerClinicId = ?2)", id, currentClinic.requireId())
                .firstResultOptional();
    }

    public boolean isFavourite(UUID providerId) {
        return FavouriteProvider.count("providerId", providerId) > 0;
    }

    public Result search(DirectorySearch search) {
        List<String> problems = new ArrayList<>();
        Origin origin = origin(search, problems);
        double[] point = origin == null ? null : earthPoint(origin);
        // Matches in a CTE counted once; favourites looked up for the page's rows only.
        Sql sql = new Sql();
        sql.add("with m as (select p.id, p.full_name, ");
        if (point == null) {
            sql.add("cast(null as double precision)");
        } else {
            sql.add("cube_distance(p.location, cube(array[?, ?, ?]))", point[0], point[1], point[2]);
        }
        sql.add(" as chord_m from provider p where (p.owner_clinic_id is null or p.owner_clinic_id = :clinic)");
        Specialty specialty = search.specialtyValue();
        if (specialty != null) {
            sql.add(" and p.specialty = ?", specialty.name());
        } else if (!DirectorySearch.text(search.specialty()).isEmpty()) {
            problems.add("“" + search.specialty() + "” is not a specialty; showing every specialty.");
        }
        if (!search.placeText().isEmpty()) {
            String place = search.placeText().toLowerCase();
            sql.add(" and (lower(p.city) = ? or lower(p.neighbourhood) = ?)", place, place);
        }
        for (String word : search.words()) {
            // The trigram index answers "contains" for any part of a word, so "myofasc" finds myofascial release.
            sql.add(" and p.search_text like ?", "%" + escapeLike(word) + "%");
        }
        if (point != null) {
            /*
             * Distances as straight-line chords through the earth between the stored points (V8), with the origin
             * computed here: earthdistance's SQL functions (ll_to_earth, earth_box, earth_distance) are inlined by
             * the planner, which was slow, and evaluated per row under a reusable plan (docs/adr/0005). A chord grows
             * with the great-circle distance, so filtering and ordering by it give the same rows in the same order;
             * the box lets the GiST index narrow first.
             */
            double chord = chordOf(search.radius() * 1000.0);
            sql.add(" and p.location <@ cube(array[?, ?, ?], array[?, ?, ?])", point[0] - chord, point[1] - chord,
                    point[2] - chord, point[0] + chord, point[1] + chord, point[2] + chord);
            sql.add(" and cube_distance(p.location, cube(array[?, ?, ?])) <= ?", point[0], point[1], point[2], chord);
        }
        if (search.accepting()) {
            sql.add(" and p.accepting_new_clients");
        }
        if (search.favourites()) {
            sql.add(" and exists (select 1 from favourite_provider f where f.clinic_id = :clinic and f.provider_id = p.id)");
        }
        if (!search.languageText().isEmpty()) {
            sql.add(" and lower(p.languages) like ?", "%" + escapeLike(search.languageText().toLowerCase()) + "%");
        }
        if (!search.insuranceText().isEmpty()) {
            sql.add(" and lower(p.insurance) like ?", "%" + escapeLike(search.insuranceText().toLowerCase()) + "%");
        }
        sql.add("""
                )
                select m.id, m.chord_m,
                       exists (select 1 from favourite_provider f where f.clinic_id = :clinic and f.provider_id = m.id),
                       count(*) over ()
                from m""");
        sql.add(point != null && !search.byName() ? " order by m.chord_m, m.full_name, m.id" : " order by m.full_name, m.id");
        sql.add(" limit " + PAGE_SIZE + " offset " + (long) search.pageIndex() * PAGE_SIZE);

        // Both statements in plain JDBC (docs/adr/0003, 0005): a native query's result mapping and twenty entities
        // built anew for every search cost the page a quarter of its CPU.
        List<Match> matches = clinicSql.list(sql.text(), row -> new Match(row.getObject(1, UUID.class),
                (Double) row.getObject(2), row.getBoolean(3), row.getLong(4)), sql.values());
        if (matches.isEmpty()) {
            return new Result(List.of(), 0, search.pageIndex(), origin, problems);
        }
        // By id with one array parameter: the same SQL for any number of hits.
        Map<UUID, ProviderCard> cards = new HashMap<>();
        // Across clinics: these ids come from the search above, which kept to the shared and this clinic's entries.
        clinicSql.listAcrossClinics(ProviderCard.SELECT_BY_IDS, ProviderCard::read,
                (Object) matches.stream().map(Match::id).toArray(UUID[]::new)).forEach(card -> cards.put(card.id(), card));
        List<Hit> hits = new ArrayList<>();
        for (Match match : matches) {
            ProviderCard card = cards.get(match.id());
            if (card != null) { // removed since the search ran: left out
                hits.add(new Hit(card, match.chord() == null ? null : greatCircleOf(match.chord()) / 1000.0, match.favourite()));
            }
        }
        return new Result(hits, matches.get(0).total(), search.pageIndex(), origin, problems);
    }

    private record Match(UUID id, Double chord, boolean favourite, long total) {
    }

    /** A statement's text with its values in the order of their {@code ?} marks. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> values = new ArrayList<>();

        void add(String fragment, Object... fragmentValues) {
            text.append(fragment);
            values.addAll(List.of(fragmentValues));
        }

        String text() {
            return text.toString();
        }

        Object[] values() {
            return values.toArray();
        }
    }

    private Origin origin(DirectorySearch search, List<String> problems) {
        String near = search.nearText();
        if (!near.isEmpty()) {
            PostalCodeCentroid centroid = PostalCodeCentroid.findById(near.length() > 10 ? near.substring(0, 10) : near);
            if (centroid == null) {
                problems.add("Postal code “" + near + "” is not in the Portland–Beaverton area list; distances are not shown.");
                return null;
            }
            return new Origin(near + " (" + centroid.city + ")", centroid.latitude, centroid.longitude);
        }
        String lat = DirectorySearch.text(search.lat());
        String lon = DirectorySearch.text(search.lon());
        if (lat.isEmpty() && lon.isEmpty()) {
            return null;
        }
        try {
            double latitude = Double.parseDouble(lat);
            double longitude = Double.parseDouble(lon);
            if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
                return new Origin(String.format(java.util.Locale.ROOT, "%.4f, %.4f", latitude, longitude), latitude, longitude);
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        problems.add("The chosen point needs a latitude (−90 to 90) and a longitude (−180 to 180).");
        return null;
    }

    /** earthdistance's earth radius in metres ({@code earth()}), so figures match what it would compute. */
    static final double EARTH_RADIUS_M = 6378168;

    /** The point on earthdistance's sphere, as {@code ll_to_earth} places it. */
    static double[] earthPoint(Origin origin) {
        double lat = Math.toRadians(origin.latitude());
        double lon = Math.toRadians(origin.longitude());
        return new double[] { EARTH_RADIUS_M * Math.cos(lat) * Math.cos(lon), EARTH_RADIUS_M * Math.cos(lat) * Math.sin(lon),
                EARTH_RADIUS_M * Math.sin(lat) };
    }

    /** The straight-line distance between two points this far apart along the surface. */
    static double chordOf(double greatCircleMetres) {
        return 2 * EARTH_RADIUS_M * Math.sin(Math.min(greatCircleMetres, Math.PI * EARTH_RADIUS_M) / (2 * EARTH_RADIUS_M));
    }

    /** The surface distance for a straight-line one, as earthdistance's {@code sec_to_gc}. */
    static double greatCircleOf(double chordMetres) {
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, chordMetres / (2 * EARTH_RADIUS_M)));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
