package io.backline.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.backline.clinic.CurrentClinic;
import io.backline.web.SessionJdbc;

/**
 * The provider directory as one clinic sees it: the shared entries and its own private ones, never another
 * clinic's. A search is one statement whatever it finds (the page's providers with their distances, and the total),
 * plus one to look up a postal code the second-level cache does not hold yet.
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
        // The page's providers come with the matches, counted once over the CTE; favourites looked up for the page's
        // rows only. Bind values are listed in the order their '?' appear.
        List<Object> values = new ArrayList<>();
        double[] point = origin == null ? null : earthPoint(origin);
        StringBuilder sql = new StringBuilder("with m as (select ").append(COLUMNS).append(", ");
        if (point == null) {
            sql.append("cast(null as double precision) as chord_m");
        } else {
            sql.append("cube_distance(p.location, cube(array[?, ?, ?])) as chord_m");
            values.addAll(List.of(point[0], point[1], point[2]));
        }
        sql.append(" from provider p where (p.owner_clinic_id is null or p.owner_clinic_id = ?)");
        String clinicId = currentClinic.requireId();
        values.add(clinicId);
        Specialty specialty = search.specialtyValue();
        if (specialty != null) {
            sql.append(" and p.specialty = ?");
            values.add(specialty.name());
        } else if (!DirectorySearch.text(search.specialty()).isEmpty()) {
            problems.add("“" + search.specialty() + "” is not a specialty; showing every specialty.");
        }
        if (!search.placeText().isEmpty()) {
            sql.append(" and (lower(p.city) = ? or lower(p.neighbourhood) = ?)");
            String place = search.placeText().toLowerCase();
            values.addAll(List.of(place, place));
        }
        for (String word : search.words()) {
            // The trigram index answers "contains" for any part of a word, so "myofasc" finds myofascial release.
            sql.append(" and p.search_text like ?");
            values.add("%" + escapeLike(word) + "%");
        }
        if (point != null) {
            /*
             * Distances as straight-line chords through the earth between the stored points (V8), with the origin
             * computed here: earthdistance's SQL functions (ll_to_earth, earth_box, earth_distance) are inlined by
             * the planner, which cost 15 ms a search, and evaluated per row under a reusable plan. A chord grows
             * with the great-circle distance, so filtering and ordering by it give the same rows in the same order;
             * the box lets the GiST index narrow first.
             */
            double chord = chordOf(search.radius() * 1000.0);
            sql.append(" and p.location <@ cube(array[?, ?, ?], array[?, ?, ?])")
                    .append(" and cube_distance(p.location, cube(array[?, ?, ?])) <= ?");
            values.addAll(List.of(point[0] - chord, point[1] - chord, point[2] - chord,
                    point[0] + chord, point[1] + chord, point[2] + chord, point[0], point[1], point[2], chord));
        }
        if (search.accepting()) {
            sql.append(" and p.accepting_new_clients");
        }
        if (search.favourites()) {
            sql.append(" and exists (select 1 from favourite_provider f where f.clinic_id = ? and f.provider_id = p.id)");
            values.add(clinicId);
        }
        if (!search.languageText().isEmpty()) {
            sql.append(" and lower(p.languages) like ?");
            values.add("%" + escapeLike(search.languageText().toLowerCase()) + "%");
        }
        if (!search.insuranceText().isEmpty()) {
            sql.append(" and lower(p.insurance) like ?");
            values.add("%" + escapeLike(search.insuranceText().toLowerCase()) + "%");
        }
        sql.append("""
                )
                select m.*, exists (select 1 from favourite_provider f where f.clinic_id = ? and f.provider_id = m.id),
                       count(*) over ()
                from m""");
        values.add(clinicId);
        sql.append(point != null && !search.byName() ? " order by m.chord_m, m.full_name, m.id" : " order by m.full_name, m.id");
        sql.append(" limit ").append(PAGE_SIZE).append(" offset ").append((long) search.pageIndex() * PAGE_SIZE);

        long[] total = { 0 };
        List<Hit> hits = SessionJdbc.list(entityManager.unwrap(Session.class), sql.toString(), statement -> {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }, row -> {
            total[0] = row.getLong(PROVIDER_COLUMNS + 3);
            double chord = row.getDouble(PROVIDER_COLUMNS + 1);
            Double distanceKm = row.wasNull() ? null : greatCircleOf(chord) / 1000.0;
            return new Hit(provider(row), distanceKm, row.getBoolean(PROVIDER_COLUMNS + 2));
        });
        return new Result(hits, total[0], search.pageIndex(), origin, problems);
    }

    /*
     * What a hit shows, read with the search itself: loading the page's providers as entities afterwards was another
     * statement and a tenth of the page's CPU (JFR: Hibernate building its loader's SQL anew, then hydrating them
     * into the persistence context). The hits are plain, unmanaged copies; nothing on the page changes them.
     */
    private static final String COLUMNS = """
            p.id, p.owner_clinic_id, p.full_name, p.credentials, p.practice, p.specialty, p.techniques, p.address, p.city,
            p.neighbourhood, p.postal_code, p.latitude, p.longitude, p.phone, p.email, p.website, p.accepting_new_clients,
            p.accepts_trainer_referrals, p.languages, p.insurance, p.hours, p.notes, p.demo""";
    private static final int PROVIDER_COLUMNS = 23;

    private static Provider provider(ResultSet row) throws SQLException {
        Provider provider = new Provider();
        provider.id = row.getObject(1, UUID.class);
        provider.ownerClinicId = row.getString(2);
        provider.fullName = row.getString(3);
        provider.credentials = row.getString(4);
        provider.practice = row.getString(5);
        provider.specialty = Specialty.valueOf(row.getString(6));
        provider.techniques = row.getString(7);
        provider.address = row.getString(8);
        provider.city = row.getString(9);
        provider.neighbourhood = row.getString(10);
        provider.postalCode = row.getString(11);
        provider.latitude = row.getDouble(12);
        provider.longitude = row.getDouble(13);
        provider.phone = row.getString(14);
        provider.email = row.getString(15);
        provider.website = row.getString(16);
        provider.acceptingNewClients = row.getBoolean(17);
        provider.acceptsTrainerReferrals = row.getBoolean(18);
        provider.languages = row.getString(19);
        provider.insurance = row.getString(20);
        provider.hours = row.getString(21);
        provider.notes = row.getString(22);
        provider.demo = row.getBoolean(23);
        return provider;
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
