package io.backline.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * The directory search's two statements, in plain JDBC (docs/adr/0003, 0005): a native query's result mapping and
 * twenty entities built anew for every search cost the page a quarter of its CPU. The first finds the matching ids
 * with their distances, whether each is a favourite and the total; the second reads those providers.
 */
@ApplicationScoped
class DirectoryQuery {
    /** The providers of a page of results by id, one array parameter: the same SQL for any number of hits. */
    private static final String CARDS_BY_IDS = """
            select id, full_name, credentials, practice, specialty, techniques, city, neighbourhood,
                   accepting_new_clients, accepts_trainer_referrals, owner_clinic_id is not null, confirmed_at
            from provider where id = any(?)""";

    @Inject
    ClinicSql sql;

    /** One matching provider: {@code chord} is null without an origin; {@code total} counts every match. */
    record Match(UUID id, Double chord, boolean favourite, long total) {
    }

    /**
     * A page of the providers this clinic sees (the shared entries and its own) that match the search, nearest first
     * from {@code point} when there is one (and the search is not by name), by name otherwise.
     */
    List<Match> matches(DirectorySearch search, Specialty specialty, double[] point) {
        Statement statement = new Statement();
        // Matches in a CTE counted once; favourites looked up for the page's rows only.
        statement.add("with m as (select p.id, p.full_name, ");
        if (point == null) {
            statement.add("cast(null as double precision)");
        } else {
            statement.add("cube_distance(p.location, cube(array[?, ?, ?]))", point[0], point[1], point[2]);
        }
        statement.add(" as chord_m from provider p where (p.owner_clinic_id is null or p.owner_clinic_id = :clinic)");
        if (specialty != null) {
            statement.add(" and p.specialty = ?", specialty.name());
        }
        if (!search.placeText().isEmpty()) {
            String place = search.placeText().toLowerCase();
            statement.add(" and (lower(p.city) = ? or lower(p.neighbourhood) = ?)", place, place);
        }
        for (String word : search.words()) {
            // The trigram index answers "contains" for any part of a word, so "myofasc" finds myofascial release.
            statement.add(" and p.search_text like ?", "%" + escapeLike(word) + "%");
        }
        if (point != null) {
            /*
             * Distances as straight-line chords through the earth between the stored points (V8), with the origin
             * computed here: earthdistance's SQL functions (ll_to_earth, earth_box, earth_distance) are inlined by
             * the planner, which was slow, and evaluated per row under a reusable plan (docs/adr/0005). A chord grows
             * with the great-circle distance, so filtering and ordering by it give the same rows in the same order;
             * the box lets the GiST index narrow first.
             */
            double chord = Directory.chordOf(search.radiusMiles() * Directory.METRES_PER_MILE);
            statement.add(" and p.location <@ cube(array[?, ?, ?], array[?, ?, ?])", point[0] - chord, point[1] - chord,
                    point[2] - chord, point[0] + chord, point[1] + chord, point[2] + chord);
            statement.add(" and cube_distance(p.location, cube(array[?, ?, ?])) <= ?", point[0], point[1], point[2], chord);
        }
        if (search.accepting()) {
            statement.add(" and p.accepting_new_clients");
        }
        if (search.favourites()) {
            statement.add(" and exists (select 1 from favourite_provider f where f.clinic_id = :clinic and f.provider_id = p.id)");
        }
        if (!search.languageText().isEmpty()) {
            statement.add(" and lower(p.languages) like ?", "%" + escapeLike(search.languageText().toLowerCase()) + "%");
        }
        if (!search.insuranceText().isEmpty()) {
            statement.add(" and lower(p.insurance) like ?", "%" + escapeLike(search.insuranceText().toLowerCase()) + "%");
        }
        statement.add("""
                )
                select m.id, m.chord_m,
                       exists (select 1 from favourite_provider f where f.clinic_id = :clinic and f.provider_id = m.id),
                       count(*) over ()
                from m""");
        statement.add(point != null && !search.byName() ? " order by m.chord_m, m.full_name, m.id" : " order by m.full_name, m.id");
        statement.add(" limit " + Directory.PAGE_SIZE + " offset " + (long) search.pageIndex() * Directory.PAGE_SIZE);
        return sql.list(statement.text(), row -> new Match(row.getObject(1, UUID.class), (Double) row.getObject(2),
                row.getBoolean(3), row.getLong(4)), statement.values());
    }

    /** The cards of these providers, in no particular order; one removed since the search ran is left out. */
    List<ProviderCard> cards(List<UUID> ids) {
        // Across clinics: these ids come from the search above, which kept to the shared and this clinic's entries.
        return sql.listAcrossClinics(CARDS_BY_IDS, row -> new ProviderCard(row.getObject(1, UUID.class), row.getString(2),
                row.getString(3), row.getString(4), Specialty.valueOf(row.getString(5)), row.getString(6), row.getString(7),
                row.getString(8), row.getBoolean(9), row.getBoolean(10), row.getBoolean(11),
                row.getObject(12, java.time.OffsetDateTime.class).toInstant()),
                (Object) ids.toArray(UUID[]::new));
    }

    /** A statement's text with its values in the order of their {@code ?} marks. */
    private static final class Statement {
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

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
