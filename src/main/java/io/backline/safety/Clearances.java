package io.backline.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.people.Client;
import io.quarkus.panache.common.Parameters;

/**
 * The clearance rule: after a red or emergency flag, or a "yes" to a pre-exercise question, the client exercises
 * again only once a health professional's clearance is recorded after it (by a trainer, or by a provider's answer to
 * a referral). Flags are read by table ({@link ClearanceQuery}), so this package needs nothing of the symptom one's.
 */
@ApplicationScoped
public class Clearances {
    @Inject
    ClearanceQuery query;
    @Inject
    Event<ScreeningAnswered> screeningAnswered;

    /** Refused because no clearance was recorded since the event that asks for one. */
    public static class NotCleared extends RuntimeException {
        public NotCleared(String message) {
            super(message);
        }
    }

    /** What asks for a clearance (if anything), since when, and the newest clearance recorded. */
    public record Status(Instant neededSince, String why, Clearance latest, Screening screening) {
        /** True while nothing was cleared after the newest event that asks for it. */
        public boolean needed() {
            return neededSince != null && (latest == null || latest.recordedAt.isBefore(neededSince));
        }
    }

    /** A clearance as typed, already checked. */
    public record Input(String professionalName, Clearance.Role role, LocalDate clearedOn, boolean withLimits,
            String note) {
    }

    public Status status(UUID clientId, ZoneId zone) {
        ClearanceQuery.Events events = query.events(clientId);
        Instant urgentFlag = events.urgentFlag();
        Instant latestYes = events.latestYes();
        Screening screening = latestScreening(clientId).orElse(null);
        Clearance latest = Clearance.<Clearance> find("clientId = :c order by recordedAt desc",
                Parameters.with("c", clientId)).firstResult();
        Instant since = urgentFlag;
        String why = urgentFlag == null ? null
                : "a red or emergency flag was reported on " + LocalDate.ofInstant(urgentFlag, zone);
        if (latestYes != null && (since == null || latestYes.isAfter(since))) {
            since = latestYes;
            why = "the pre-exercise questions were answered “yes” on " + LocalDate.ofInstant(since, zone);
        }
        return new Status(since, why, latest, screening);
    }

    /** Throws, with the reason in words a trainer can act on, unless the client is cleared (or needs no clearance). */
    public void requireCleared(UUID clientId, ZoneId zone) {
        Status status = status(clientId, zone);
        if (status.needed()) {
            throw new NotCleared("Record a clearance first: " + status.why() + ", so the program can only run once a "
                    + "health professional has cleared the client (their name and role, the date and a note), or a "
                    + "provider has answered a referral with “cleared to resume”.");
        }
    }

    public Optional<Screening> latestScreening(UUID clientId) {
        return Screening.<Screening> find("clientId = :c order by answeredAt desc", Parameters.with("c", clientId))
                .firstResultOptional();
    }

    /** Saves the answers; a "yes" pauses the client's program in the same transaction. The same form twice saves once. */
    @Transactional
    public Screening answer(Client client, Set<ScreeningQuestion> yes, UUID answeredBy, boolean byStaff,
            UUID requestKey) {
        Optional<Screening> same = Screening.<Screening> find("requestKey", requestKey).firstResultOptional();
        if (same.isPresent()) {
            return same.get();
        }
        Screening screening = new Screening();
        screening.id = UUID.randomUUID();
        screening.clientId = client.id;
        screening.yesAnswers = yes.stream().sorted().map(Enum::name).toArray(String[]::new);
        screening.answeredBy = answeredBy;
        screening.answeredByStaff = byStaff;
        screening.answeredAt = Instant.now();
        screening.requestKey = requestKey;
        screening.persist();
        Client managed = Client.findById(client.id);
        managed.screenedAt = screening.answeredAt;
        if (screening.needsClearance()) {
            screeningAnswered.fire(new ScreeningAnswered(client.id, answeredBy,
                    "Waiting for a health professional's clearance: a “yes” to the pre-exercise questions."));
        }
        return screening;
    }

    @Transactional
    public Clearance record(UUID clientId, Input input, UUID referralId, UUID recordedBy, String recordedByName,
            UUID requestKey) {
        Optional<Clearance> same = Clearance.<Clearance> find("requestKey", requestKey).firstResultOptional();
        if (same.isPresent()) {
            return same.get();
        }
        Clearance clearance = new Clearance();
        clearance.id = UUID.randomUUID();
        clearance.clientId = clientId;
        clearance.referralId = referralId;
        clearance.professionalName = cut(input.professionalName(), 160);
        clearance.professionalRole = input.role();
        clearance.clearedOn = input.clearedOn();
        clearance.withLimits = input.withLimits();
        clearance.note = cut(input.note(), 2000);
        clearance.recordedBy = recordedBy;
        clearance.recordedByName = cut(recordedByName, 160);
        clearance.recordedAt = Instant.now();
        clearance.requestKey = requestKey;
        clearance.persist();
        return clearance;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
