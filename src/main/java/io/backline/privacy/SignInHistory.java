package io.backline.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.keycloak.KeycloakAccounts;
import io.backline.keycloak.SignInEvent;
import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.web.Paged;

/**
 * The sign-ins of one clinic's people, newest first, a page at a time. Keycloak keeps one record for the whole realm
 * and filters by a single user only, so the record is read in batches, newest first, and each batch is kept to the
 * accounts that are this clinic's staff or clients in Backline's own tables (which only ever answer for the signed-in
 * clinic). A page reads at most {@link #SCAN_LIMIT} events, however quiet the clinic is beside the others.
 */
@ApplicationScoped
public class SignInHistory {
    static final int BATCH = 500;
    static final int SCAN_LIMIT = 5_000;

    @Inject
    KeycloakAccounts keycloak;

    public record Person(String name, String role) {
    }

    public record Row(Instant at, Person person, boolean succeeded, String result, String ipAddress) {
    }

    /**
     * {@code number} counts from 1; {@code retentionDays} is how long Keycloak keeps sign-ins (null: until deleted);
     * {@code searchedBack}, when the scan stopped before Keycloak's oldest event, is the moment it stopped at.
     */
    public record Page(List<Row> rows, int number, boolean hasNext, Long retentionDays, Instant searchedBack) {
    }

    public Page page(int pageIndex) {
        Page page = scan(pageIndex, first -> keycloak.signIns(first, BATCH), SignInHistory::people);
        Long days = keycloak.signInRetention().map(retention -> retention.toDays()).orElse(null);
        return new Page(page.rows(), page.number(), page.hasNext(), days, page.searchedBack());
    }

    /** The paging itself: {@code batches} gives Keycloak's events from an offset, {@code members} names this clinic's. */
    static Page scan(int pageIndex, IntFunction<List<SignInEvent>> batches,
            Function<Set<UUID>, Map<UUID, Person>> members) {
        int from = pageIndex * Paged.PAGE_SIZE;
        int wanted = from + Paged.PAGE_SIZE + 1; // one more than this page shows says whether another follows
        List<Row> rows = new ArrayList<>();
        Instant oldestRead = null;
        boolean readAll = false;
        for (int first = 0; rows.size() < wanted && first < SCAN_LIMIT; first += BATCH) {
            List<SignInEvent> batch = batches.apply(first);
            Map<UUID, Person> people = members.apply(batch.stream().map(SignInEvent::userId).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            for (SignInEvent event : batch) {
                Person person = event.userId() == null ? null : people.get(event.userId());
                if (person != null) {
                    rows.add(new Row(event.at(), person, event.succeeded(), result(event), event.ipAddress()));
                }
            }
            readAll = batch.size() < BATCH; // Keycloak has nothing older
            if (readAll) {
                break;
            }
            oldestRead = batch.getLast().at();
        }
        boolean stoppedShort = !readAll && rows.size() < wanted;
        List<Row> shown = rows.subList(Math.min(from, rows.size()), Math.min(from + Paged.PAGE_SIZE, rows.size()));
        return new Page(List.copyOf(shown), pageIndex + 1, rows.size() > from + Paged.PAGE_SIZE, null,
                stoppedShort ? oldestRead : null);
    }

    /** Keycloak's reason in words a clinic admin uses. */
    static String result(SignInEvent event) {
        if (event.succeeded()) {
            return "Signed in";
        }
        return switch (event.error()) {
            case "invalid_user_credentials" -> "Failed: wrong password or code";
            case "user_temporarily_disabled" -> "Failed: locked for a while after too many wrong tries";
            case "user_disabled" -> "Failed: the account is switched off";
            case "expired_code", "session_expired" -> "Failed: the sign-in page was left open too long";
            default -> "Failed";
        };
    }

    /** This clinic's staff and clients among the given accounts; staff first for someone who is both. */
    private static Map<UUID, Person> people(Set<UUID> userIds) {
        Map<UUID, Person> people = new HashMap<>();
        if (userIds.isEmpty()) {
            return people;
        }
        Client.<Client> list("userId in ?1", userIds)
                .forEach(client -> people.put(client.userId, new Person(client.fullName, "Client")));
        StaffMember.<StaffMember> list("userId in ?1", userIds)
                .forEach(staff -> people.put(staff.userId, new Person(staff.fullName, staff.roleLabel())));
        return people;
    }
}
