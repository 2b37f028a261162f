package io.backline.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.clinic.Clinic;
import io.backline.directory.Provider;
import io.backline.people.Client;
import io.backline.safety.Clearance;
import io.backline.safety.Clearances;

/**
 * The referral's life: drafted by a trainer, consented to by the client, sent to the provider with a signed link,
 * then acknowledged, scheduled and answered by the provider, or declined or cancelled. Each step goes on the
 * timeline with who and when; no packet leaves without active consent.
 */
@ApplicationScoped
public class ReferralService {
    public static final String STAFF = "STAFF";
    public static final String CLIENT = "CLIENT";
    public static final String PROVIDER = "PROVIDER";
    public static final String SYSTEM = "SYSTEM";

    @Inject
    ReferralLinks links;
    @Inject
    Clearances clearances;
    @Inject
    ReferralQuery query;
    @Inject
    ReferralPacket packets;
    @Inject
    Event<ConsentRequested> consentRequested;

    public record Draft(Client client, Provider provider, String reason, Referral.Urgency urgency, String message,
            boolean shareProgram, boolean shareAdherence, boolean shareSessions, boolean shareFlags, List<UUID> flagIds,
            UUID requestKey, UUID staffId, String staffName) {
    }

    /** A new draft; the same form sent twice gives back the first one. */
    @Transactional
    public Referral draft(Draft draft) {
        // The same form arriving twice at once waits here for the first, then finds what it saved.
        query.lockRequestKey(draft.requestKey());
        Optional<Referral> same = Referral.find("requestKey", draft.requestKey()).firstResultOptional();
        if (same.isPresent()) {
            return same.get();
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.clientId = draft.client().id;
        referral.providerId = draft.provider().id;
        referral.createdBy = draft.staffId();
        referral.reason = draft.reason();
        referral.urgency = draft.urgency();
        referral.message = draft.message();
        referral.shareProgram = draft.shareProgram();
        referral.shareAdherence = draft.shareAdherence();
        referral.shareSessions = draft.shareSessions();
        referral.shareFlags = draft.shareFlags();
        referral.status = Referral.Status.DRAFT;
        referral.requestKey = draft.requestKey();
        referral.createdAt = Instant.now();
        referral.persist();
        for (UUID flagId : draft.flagIds()) {
            ReferralFlag link = new ReferralFlag();
            link.key = new ReferralFlag.Key(referral.id, flagId);
            link.persist();
        }
        event(referral, Referral.Status.DRAFT, draft.staffName(), STAFF, "Drafted");
        consentRequested.fire(new ConsentRequested(referral.clientId, referral.id));
        return referral;
    }

    public Optional<ReferralConsent> activeConsent(Referral referral) {
        return ReferralConsent.find("referralId = ?1 and revokedAt is null", referral.id).firstResultOptional();
    }

    @Transactional
    public void consent(Referral referral, String givenBy, String method, Instant givenAt, String recordedBy) {
        if (activeConsent(referral).isPresent()) {
            return;
        }
        ReferralConsent consent = new ReferralConsent();
        consent.id = UUID.randomUUID();
        consent.referralId = referral.id;
        consent.clientId = referral.clientId;
        consent.givenBy = givenBy;
        consent.method = method;
        consent.recordedBy = recordedBy;
        consent.givenAt = givenAt;
        consent.createdAt = Instant.now();
        consent.persist();
        event(referral, referral.status, recordedBy, givenBy,
                CLIENT.equals(givenBy) ? "Consent given in the client's account" : "Consent recorded (" + method + ")");
    }

    /** Revoking consent stops all access at once: the provider's link shows nothing from now on. */
    @Transactional
    public void revokeConsent(Referral referral, String byName, String byKind) {
        activeConsent(referral).ifPresent(consent -> {
            consent.revokedAt = Instant.now();
            consent.revokedBy = byName;
            event(referral, referral.status, byName, byKind, "Consent withdrawn; the provider can no longer open the referral");
        });
    }

    public sealed interface SendOutcome {
        record Sent(String link) implements SendOutcome {
        }

        record Refused(String reason) implements SendOutcome {
        }
    }

    @Transactional
    public SendOutcome send(Referral referral, Provider provider, Clinic clinic, String staffName) {
        if (referral.status != Referral.Status.DRAFT) {
            return new SendOutcome.Refused("This referral was already sent.");
        }
        if (activeConsent(referral).isEmpty()) {
            return new SendOutcome.Refused("The client has not consented to sharing with " + provider.fullName
                    + ". Ask them to consent in their account, or record how they consented.");
        }
        if (provider.email == null || provider.email.isBlank()) {
            return new SendOutcome.Refused(provider.fullName + " has no email address in the directory; "
                    + "print the referral letter instead.");
        }
        String link = links.issue(referral);
        referral.status = Referral.Status.SENT;
        referral.sentAt = Instant.now();
        freeze(referral, Clinic.zoneOf(clinic), referral.sentAt);
        event(referral, Referral.Status.SENT, staffName, STAFF, "Sent; the email with the link to " + provider.email
                + " leaves in a moment");
        // The email carries no health details: only who referred, the urgency and the link. It leaves from the outbox
        // once this transaction commits, so a slow mail server never holds the trainer's request.
        ReferralMail.queue(referral, ReferralMail.Kind.PROVIDER, provider.email,
                "Referral from " + clinic.name + " (" + referral.urgency.label + ")",
                "Hello " + provider.fullName + ",\n\n" + staffName + " at " + clinic.name
                        + " has referred a client to you through Backline.\n\nOpen the referral (no account needed):\n"
                        + link + "\n\nThe link is for you only and works until "
                        + java.time.LocalDate.ofInstant(referral.linkExpiresAt, Clinic.zoneOf(clinic)) + ". From the page you can acknowledge "
                        + "the referral, give an appointment date, or reply with your findings.\n\n" + clinic.name + "\n");
        return new SendOutcome.Sent(link);
    }

    /**
     * What the provider is shown: the packet kept when the referral was sent. A referral sent before packets were kept
     * gets one now, with only the sessions and flags recorded by its sending.
     */
    @Transactional
    public Frozen sentPacket(Referral referral, ZoneId zone) {
        ReferralSnapshot snapshot = ReferralSnapshot.<ReferralSnapshot> findByIdOptional(referral.id)
                .orElseGet(() -> freeze(referral, zone, referral.sentAt));
        return new Frozen(snapshot.clientName, packets.fromJson(snapshot.packet), snapshot.takenAt);
    }

    /** The packet kept for a sent referral, or empty for a draft (whose packet is still live). */
    public Optional<Frozen> keptPacket(Referral referral) {
        return ReferralSnapshot.<ReferralSnapshot> findByIdOptional(referral.id)
                .map(snapshot -> new Frozen(snapshot.clientName, packets.fromJson(snapshot.packet), snapshot.takenAt));
    }

    public record Frozen(String clientName, ReferralPacket.Packet packet, Instant takenAt) {
    }

    private ReferralSnapshot freeze(Referral referral, ZoneId zone, Instant moment) {
        ReferralSnapshot snapshot = new ReferralSnapshot();
        snapshot.referralId = referral.id;
        snapshot.clientName = Client.<Client> find("id", referral.clientId).firstResult().fullName;
        snapshot.packet = packets.toJson(packets.asOf(referral, zone, moment));
        snapshot.takenAt = moment;
        snapshot.persist();
        return snapshot;
    }

    @Transactional
    public void revokeLink(Referral referral, String staffName) {
        if (referral.linkNonce != null && referral.linkRevokedAt == null) {
            referral.linkRevokedAt = Instant.now();
            event(referral, referral.status, staffName, STAFF, "Provider link revoked");
        }
    }

    /** A closed referral's link opens nothing more: the provider has nothing left to answer. */
    private static void endLink(Referral referral) {
        if (referral.linkNonce != null && referral.linkRevokedAt == null) {
            referral.linkRevokedAt = Instant.now();
        }
    }

    @Transactional
    public void cancel(Referral referral, String staffName, String reason) {
        if (!referral.status.isClosed()) {
            referral.status = Referral.Status.CANCELLED;
            endLink(referral);
            event(referral, Referral.Status.CANCELLED, staffName, STAFF, reason == null || reason.isBlank() ? "Cancelled" : reason);
        }
    }

    @Transactional
    public void complete(Referral referral, String actorName, String actorKind) {
        if (!referral.status.isClosed() && referral.status != Referral.Status.DRAFT) {
            referral.status = Referral.Status.COMPLETED;
            endLink(referral);
            event(referral, Referral.Status.COMPLETED, actorName, actorKind, "Marked completed");
        }
    }

    // ---- The provider's side, through the signed link ----

    @Transactional
    public void acknowledge(Referral referral, String providerName) {
        if (referral.status == Referral.Status.SENT) {
            referral.status = Referral.Status.ACKNOWLEDGED;
            referral.acknowledgedAt = Instant.now();
            event(referral, Referral.Status.ACKNOWLEDGED, providerName, PROVIDER, "Acknowledged");
        }
    }

    /** The provider's answers count only while the referral is open; the link opens nothing once it is closed. */
    public static boolean takesAnswers(Referral referral) {
        return referral.status != Referral.Status.DRAFT && !referral.status.isClosed();
    }

    @Transactional
    public void schedule(Referral referral, LocalDate appointmentOn, String providerName) {
        if (referral.status == Referral.Status.SENT || referral.status == Referral.Status.ACKNOWLEDGED
                || referral.status == Referral.Status.SCHEDULED) {
            if (referral.acknowledgedAt == null) {
                referral.acknowledgedAt = Instant.now();
            }
            referral.status = Referral.Status.SCHEDULED;
            referral.appointmentOn = appointmentOn;
            event(referral, Referral.Status.SCHEDULED, providerName, PROVIDER, "Appointment on " + appointmentOn);
        }
    }

    @Transactional
    public void decline(Referral referral, String reason, String providerName) {
        if (!referral.status.isClosed() && referral.status != Referral.Status.DRAFT) {
            referral.status = Referral.Status.DECLINED;
            endLink(referral);
            event(referral, Referral.Status.DECLINED, providerName, PROVIDER, reason == null || reason.isBlank() ? "Declined" : "Declined: " + reason);
        }
    }

    /** Kept beside earlier replies; the referral holds the latest words too, as the export reads them. */
    @Transactional
    public void reply(Referral referral, String findings, String recommendations, boolean completed, Provider provider,
            Referral.ResumeAnswer answer) {
        if (!takesAnswers(referral)) {
            return;
        }
        String providerName = provider.fullName;
        ReferralReply reply = new ReferralReply();
        reply.id = UUID.randomUUID();
        reply.referralId = referral.id;
        reply.providerName = providerName.length() > 160 ? providerName.substring(0, 160) : providerName;
        reply.findings = findings;
        reply.recommendations = recommendations;
        reply.resumeAnswer = answer;
        reply.completed = completed;
        reply.receivedAt = Instant.now();
        reply.persist();
        if (findings != null) {
            referral.providerFindings = findings;
        }
        if (recommendations != null) {
            referral.providerRecommendations = recommendations;
        }
        if (answer != null) {
            referral.resumeAnswer = answer;
            referral.resumeAnsweredAt = Instant.now();
            event(referral, referral.status, providerName, PROVIDER, answer.label);
            Optional<Clearance.Role> role = clearanceRole(provider);
            if (answer.clears() && role.isPresent()) {
                String note = answer == Referral.ResumeAnswer.CLEARED_WITH_LIMITS
                        ? "Cleared with limits on the referral: " + (recommendations == null
                                ? "see the provider's recommendations." : recommendations)
                        : "Cleared to resume on the referral.";
                clearances.record(referral.clientId, new Clearances.Input(providerName, role.get(),
                        LocalDate.now(Clinic.zoneOf(Clinic.findById(referral.clinicId))),
                        answer == Referral.ResumeAnswer.CLEARED_WITH_LIMITS, note), referral.id, null,
                        providerName + " (referral)", UUID.randomUUID());
            }
        }
        if (referral.status == Referral.Status.SENT) {
            referral.status = Referral.Status.ACKNOWLEDGED;
            referral.acknowledgedAt = Instant.now();
        }
        event(referral, referral.status, providerName, PROVIDER, "Replied with findings");
        if (completed) {
            complete(referral, providerName, PROVIDER);
        }
    }

    /** The clearance role of a provider who may clear a client to exercise, by their specialty. */
    public static Optional<Clearance.Role> clearanceRole(Provider provider) {
        return switch (provider.specialty) {
            case PHYSICIAN -> Optional.of(Clearance.Role.PHYSICIAN);
            case PHYSICAL_THERAPIST -> Optional.of(Clearance.Role.PHYSICAL_THERAPIST);
            case CHIROPRACTOR -> Optional.of(Clearance.Role.CHIROPRACTOR);
            case MASSAGE_THERAPIST, OTHER -> Optional.empty();
        };
    }

    /** The provider's replies, first to last. */
    public List<ReferralReply> replies(Referral referral) {
        return ReferralReply.list("referralId = ?1 order by receivedAt, id", referral.id);
    }

    public List<ReferralEvent> timeline(Referral referral) {
        return ReferralEvent.list("referralId = ?1 order by happenedAt, id", referral.id);
    }

    /** A note from Backline itself on the referral's timeline, at its current status. */
    void event(Referral referral, String note) {
        event(referral, referral.status, "Backline", SYSTEM, note);
    }

    void event(Referral referral, Referral.Status status, String actorName, String actorKind, String note) {
        ReferralEvent event = new ReferralEvent();
        event.id = UUID.randomUUID();
        event.referralId = referral.id;
        event.status = status.name();
        event.actorName = actorName.length() > 160 ? actorName.substring(0, 160) : actorName;
        event.actorKind = actorKind;
        event.note = note == null ? null : (note.length() > 500 ? note.substring(0, 500) : note);
        event.happenedAt = Instant.now();
        event.persist();
    }
}
