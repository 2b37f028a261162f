package io.backline.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.backline.clinic.CurrentClinic;

/**
 * The provider directory as one clinic sees it: the shared entries and its own private ones, never another
 * clinic's. A search is two statements whatever it finds (matching ids with distances and the total, then those
 * providers: {@link DirectoryQuery}), plus one to look up a postal code.
 */
@RequestScoped
public class Directory {
    public static final int PAGE_SIZE = 20;

    @Inject
    CurrentClinic currentClinic;
    @Inject
    DirectoryQuery query;
    @Inject
    Clock clock;

    /** A listing its provider has not confirmed for this long is marked "not confirmed recently". */
    public static final Duration CONFIRMATION_KEPT = Duration.ofDays(180);
    public static final double METRES_PER_MILE = 1609.344;

    public record Origin(String label, double latitude, double longitude) {
    }

    /** A result: its distance in miles (null without an origin), and whether its provider has not confirmed it lately. */
    public record Hit(ProviderCard provider, Double distanceMiles, boolean favourite, boolean notConfirmedRecently) {
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

    /** Whether a listing confirmed then still counts as current today. */
    public boolean confirmedRecently(Instant confirmedAt) {
        return confirmedAt != null && confirmedAt.isAfter(clock.instant().minus(CONFIRMATION_KEPT));
    }

    public boolean isFavourite(UUID providerId) {
        return FavouriteProvider.count("providerId", providerId) > 0;
    }

    public Result search(DirectorySearch search) {
        List<String> problems = new ArrayList<>();
        Origin origin = origin(search, problems);
        double[] point = origin == null ? null : earthPoint(origin);
        Specialty specialty = search.specialtyValue();
        if (specialty == null && !DirectorySearch.text(search.specialty()).isEmpty()) {
            problems.add("“" + search.specialty() + "” is not a specialty; showing every specialty.");
        }
        List<DirectoryQuery.Match> matches = query.matches(search, specialty, point);
        if (matches.isEmpty()) {
            return new Result(List.of(), 0, search.pageIndex(), origin, problems);
        }
        Map<UUID, ProviderCard> cards = new HashMap<>();
        query.cards(matches.stream().map(DirectoryQuery.Match::id).toList()).forEach(card -> cards.put(card.id(), card));
        List<Hit> hits = new ArrayList<>();
        for (DirectoryQuery.Match match : matches) {
            ProviderCard card = cards.get(match.id());
            if (card != null) { // removed since the search ran: left out
                hits.add(new Hit(card, match.chord() == null ? null : greatCircleOf(match.chord()) / METRES_PER_MILE,
                        match.favourite(), !confirmedRecently(card.confirmedAt())));
            }
        }
        return new Result(hits, matches.get(0).total(), search.pageIndex(), origin, problems);
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
}
