package io.backline.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

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
    EntityManager entityManager;

    public record Origin(String label, double latitude, double longitude) {
    }

    public record Hit(Provider provider, Double distanceKm, boolean favourite) {
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
        // Matches in a CTE counted once; favourites looked up for the page's rows only.
        StringBuilder sql = new StringBuilder("""
                with m as (select p.id, p.full_name, %s as chord_m
                from provider p
                where (p.owner_clinic_id is null or p.owner_clinic_id = :clinic)""".formatted(
                origin == null ? "cast(null as double precision)" : "cube_distance(p.location, cube(array[:x, :y, :z]))"));
        Map<String, Object> params = new HashMap<>();
        params.put("clinic", currentClinic.requireId());
        Specialty specialty = search.specialtyValue();
        if (specialty != null) {
            sql.append(" and p.specialty = :specialty");
            params.put("specialty", specialty.name());
        } else if (!DirectorySearch.text(search.specialty()).isEmpty()) {
            problems.add("“" + search.specialty() + "” is not a specialty; showing every specialty.");
        }
        if (!search.placeText().isEmpty()) {
            sql.append(" and (lower(p.city) = :place or lower(p.neighbourhood) = :place)");
            params.put("place", search.placeText().toLowerCase());
        }
        List<String> words = search.words();
        for (int i = 0; i < words.size(); i++) {
            // The trigram index answers "contains" for any part of a word, so "myofasc" finds myofascial release.
            sql.append(" and p.search_text like :w").append(i);
            params.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        if (origin != null) {
            /*
             * Distances as straight-line chords through the earth between the stored points (V8), with the origin
             * computed here: earthdistance's SQL functions (ll_to_earth, earth_box, earth_distance) are inlined by
             * the planner, which cost 15 ms a search, and evaluated per row under a reusable plan. A chord grows
             * with the great-circle distance, so filtering and ordering by it give the same rows in the same order;
             * the box lets the GiST index narrow first.
             */
            double[] point = earthPoint(origin);
            double chord = chordOf(search.radius() * 1000.0);
            sql.append(" and p.location <@ cube(array[:x - :chord, :y - :chord, :z - :chord], array[:x + :chord, :y + :chord, :z + :chord])")
                    .append(" and cube_distance(p.location, cube(array[:x, :y, :z])) <= :chord");
            params.put("x", point[0]);
            params.put("y", point[1]);
            params.put("z", point[2]);
            params.put("chord", chord);
        }
        if (search.accepting()) {
            sql.append(" and p.accepting_new_clients");
        }
        if (search.favourites()) {
            sql.append(" and exists (select 1 from favourite_provider f where f.clinic_id = :clinic and f.provider_id = p.id)");
        }
        if (!search.languageText().isEmpty()) {
            sql.append(" and lower(p.languages) like :language");
            params.put("language", "%" + escapeLike(search.languageText().toLowerCase()) + "%");
        }
        if (!search.insuranceText().isEmpty()) {
            sql.append(" and lower(p.insurance) like :insurance");
            params.put("insurance", "%" + escapeLike(search.insuranceText().toLowerCase()) + "%");
        }
        sql.append("""
                )
                select m.id, m.chord_m,
                       exists (select 1 from favourite_provider f where f.clinic_id = :clinic and f.provider_id = m.id),
                       count(*) over ()
                from m""");
        sql.append(origin != null && !search.byName() ? " order by m.chord_m, m.full_name, m.id" : " order by m.full_name, m.id");
        sql.append(" limit ").append(PAGE_SIZE).append(" offset ").append((long) search.pageIndex() * PAGE_SIZE);

        Query query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new Result(List.of(), 0, search.pageIndex(), origin, problems);
        }
        List<UUID> ids = rows.stream().map(row -> uuid(row[0])).toList();
        // By id with one array parameter: the same SQL for any number of hits, so Hibernate translates it once ("id
        // in" a list is translated anew for every run, a twelfth of the page's CPU).
        // In the order of the ids; null where a provider was removed since the search ran, left out of the hits.
        List<Provider> providers = entityManager.unwrap(Session.class).findMultiple(Provider.class, ids);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            if (providers.get(i) != null) {
                hits.add(new Hit(providers.get(i),
                        row[1] == null ? null : greatCircleOf(((Number) row[1]).doubleValue()) / 1000.0, (Boolean) row[2]));
            }
        }
        return new Result(hits, ((Number) rows.get(0)[3]).longValue(), search.pageIndex(), origin, problems);
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

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
