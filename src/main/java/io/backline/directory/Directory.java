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
        StringBuilder sql = new StringBuilder("""
                select p.id, %s as distance_m, (f.provider_id is not null) as favourite, count(*) over () as total
                from provider p left join favourite_provider f on f.provider_id = p.id and f.clinic_id = :clinic
                where (p.owner_clinic_id is null or p.owner_clinic_id = :clinic)""".formatted(
                origin == null ? "cast(null as double precision)"
                        : "earth_distance(ll_to_earth(:lat, :lon), p.location)"));
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
            // The stored point (V8) is indexed with GiST: the box narrows with the index, the exact distance finishes.
            sql.append(" and earth_box(ll_to_earth(:lat, :lon), :radius) @> p.location")
                    .append(" and earth_distance(ll_to_earth(:lat, :lon), p.location) <= :radius");
            params.put("lat", origin.latitude());
            params.put("lon", origin.longitude());
            params.put("radius", search.radius() * 1000.0);
        }
        if (search.accepting()) {
            sql.append(" and p.accepting_new_clients");
        }
        if (search.favourites()) {
            sql.append(" and f.provider_id is not null");
        }
        if (!search.languageText().isEmpty()) {
            sql.append(" and lower(p.languages) like :language");
            params.put("language", "%" + escapeLike(search.languageText().toLowerCase()) + "%");
        }
        if (!search.insuranceText().isEmpty()) {
            sql.append(" and lower(p.insurance) like :insurance");
            params.put("insurance", "%" + escapeLike(search.insuranceText().toLowerCase()) + "%");
        }
        sql.append(origin != null && !search.byName() ? " order by distance_m, p.full_name, p.id" : " order by p.full_name, p.id");
        sql.append(" limit ").append(PAGE_SIZE).append(" offset ").append((long) search.pageIndex() * PAGE_SIZE);

        Query query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new Result(List.of(), 0, search.pageIndex(), origin, problems);
        }
        List<UUID> ids = rows.stream().map(row -> uuid(row[0])).toList();
        Map<UUID, Provider> providers = new HashMap<>();
        Provider.<Provider> list("id in ?1", ids).forEach(provider -> providers.put(provider.id, provider));
        List<Hit> hits = rows.stream().map(row -> new Hit(providers.get(uuid(row[0])),
                row[1] == null ? null : ((Number) row[1]).doubleValue() / 1000.0, (Boolean) row[2])).toList();
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

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
