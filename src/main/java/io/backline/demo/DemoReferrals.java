package io.backline.demo;

import java.time.Duration;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.config.BacklineConfig;
import io.backline.directory.Provider;
import io.backline.referral.Referral;
import io.backline.referral.ReferralConsent;
import io.backline.referral.ReferralEvent;
import io.backline.referral.ReferralReply;
import io.backline.referral.ReferralService;
import io.backline.referral.ReferralSnapshot;
import io.backline.symptom.SymptomFlag;

/**
 * One referral in each state on every trainer's caseload: waiting for consent, a draft ready to send, sent, scheduled
 * (the red flag's, awaiting the clearance) and replied. Each step goes through {@link ReferralService} (sending but
 * for its link, see {@link Trail#send}), then is moved to its day; nothing is emailed at start.
 */
@ApplicationScoped
class DemoReferrals {
    private static final UUID CHIROPRACTOR_PORTLAND = UUID.fromString("1306da7d-b169-5cca-8028-f5706105793b");
    private static final UUID CHIROPRACTOR_BEAVERTON = UUID.fromString("5c35c1f0-4b92-5ad2-a358-ad7611ae59c1");
    private static final UUID PHYSICIAN = UUID.fromString("207938c6-84dd-5561-b1f3-d39c071fdb43");
    private static final UUID PHYSICAL_THERAPIST = UUID.fromString("404d3241-c704-51d2-bff5-21ef0e5ba539");
    private static final UUID PHYSICAL_THERAPIST_2 = UUID.fromString("b348e08b-835b-5455-b87b-843e1334b1e5");
    private static final UUID MASSAGE_THERAPIST = UUID.fromString("2ebf39c9-9e68-5e57-8ae4-6679e369bd59");
    private static final UUID MASSAGE_THERAPIST_2 = UUID.fromString("28125ae7-65b8-5a2f-a4d8-38abe064bba1");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ReferralService referrals;
    @Inject
    BacklineConfig config;

    /** The caseload's clients, in their cast order (the first is on target, the second is the one slipping). */
    void build(Clinic clinic, List<DemoClient> caseload, boolean first, DemoTime time) {
        DemoClient onTarget = of(caseload, DemoCast.Story.ON_TARGET);
        DemoClient slipping = of(caseload, DemoCast.Story.SLIPPING);
        DemoClient quiet = caseload.stream().filter(c -> c.story() == DemoCast.Story.DISENGAGED).findFirst()
                .orElse(slipping);

        trail(clinic, slipping, first ? PHYSICIAN : PHYSICAL_THERAPIST, Referral.Urgency.SOON,
                "Red flag: sharp mid-back pain during the program; the program is paused until you clear it.",
                List.of(slipping.flag()), time).ifPresent(t -> {
                    t.consent(ReferralService.CLIENT, "In my Backline account", time.at(1, 8, 5), slipping);
                    t.send(time.at(1, 8, 20));
                    t.schedule(time.daysAgo(-3), time.at(1, 15, 10));
                });

        trail(clinic, onTarget, first ? CHIROPRACTOR_PORTLAND : CHIROPRACTOR_BEAVERTON, Referral.Urgency.ROUTINE,
                "Stiff upper back at the start of the program: an assessment before the holds go up.", List.of(),
                time.at(16, 10, 0), time).ifPresent(t -> {
                    t.consent(ReferralService.STAFF, "In person, at the clinic", time.at(16, 10, 5), onTarget);
                    t.send(time.at(16, 10, 15));
                    t.reply("Good thoracic mobility for age; mild stiffness at T4–T6, no neurological signs.",
                            "Fine to keep going with the program; build the holds up slowly over four weeks.",
                            time.at(13, 17, 30));
                });

        trail(clinic, quiet, first ? MASSAGE_THERAPIST : MASSAGE_THERAPIST_2, Referral.Urgency.ROUTINE,
                "Tight chest and shoulders; soft-tissue work alongside the program.", List.of(),
                time.at(first ? 7 : 2, 11, 0), time).ifPresent(t -> {
                    t.consent(ReferralService.STAFF, "By phone", time.at(first ? 7 : 2, 11, 5), quiet);
                    t.send(time.at(first ? 7 : 2, 11, 20));
                    t.unacknowledged();
                });

        trail(clinic, onTarget, PHYSICAL_THERAPIST_2, Referral.Urgency.ROUTINE,
                "Wants a plan for the lower back as well; a physical therapist's view.", List.of(), time.at(1, 17, 0),
                time).ifPresent(t -> t.consent(ReferralService.CLIENT, "In my Backline account", time.at(0, 7, 45),
                        onTarget));

        // Not yet consented: the client sees it in their referrals and decides.
        trail(clinic, quiet == slipping ? onTarget : quiet, MASSAGE_THERAPIST_2, Referral.Urgency.ROUTINE,
                "Recovery massage for the upper back before starting again.", List.of(), time.at(3, 9, 30), time);
    }

    private static DemoClient of(List<DemoClient> caseload, DemoCast.Story story) {
        return caseload.stream().filter(c -> c.story() == story).findFirst().orElseThrow();
    }

    private Optional<Trail> trail(Clinic clinic, DemoClient client, UUID providerId, Referral.Urgency urgency,
            String reason, List<SymptomFlag> flags, DemoTime time) {
        return trail(clinic, client, providerId, urgency, reason, flags, time.at(1, 7, 50), time);
    }

    private Optional<Trail> trail(Clinic clinic, DemoClient client, UUID providerId, Referral.Urgency urgency,
            String reason, List<SymptomFlag> flags, Instant draftedAt, DemoTime time) {
        Provider provider = Provider.findById(providerId);
        if (provider == null) {
            return Optional.empty(); // someone's directory without this demo entry
        }
        Referral referral = referrals.draft(new ReferralService.Draft(client.client(), provider, reason, urgency,
                "Happy to talk it through: call the clinic.", true, true, true, !flags.isEmpty(),
                flags.stream().map(f -> f.id).toList(), UUID.randomUUID(), client.trainer().id,
                client.trainer().fullName));
        referral.createdAt = draftedAt;
        Trail trail = new Trail(clinic, client, provider, referral, time);
        trail.stamp(draftedAt);
        return Optional.of(trail);
    }

    /** One referral's steps, each moved to its time. */
    private final class Trail {
        private final Clinic clinic;
        private final DemoClient client;
        private final Provider provider;
        private final Referral referral;
        private final DemoTime time;
        private final Set<UUID> stamped = new HashSet<>();

        Trail(Clinic clinic, DemoClient client, Provider provider, Referral referral, DemoTime time) {
            this.clinic = clinic;
            this.client = client;
            this.provider = provider;
            this.referral = referral;
            this.time = time;
        }

        void consent(String givenBy, String method, Instant at, DemoClient by) {
            String recordedBy = ReferralService.CLIENT.equals(givenBy) ? by.client().fullName : by.trainer().fullName;
            referrals.consent(referral, givenBy, method, at, recordedBy);
            ReferralConsent.<ReferralConsent> list("referralId", referral.id).forEach(c -> c.createdAt = at);
            stamp(at);
        }

        /**
         * What {@link ReferralService#send} does, but for the link: the service builds the provider's address with
         * Renarde's router, which needs an HTTP request, and a start has none. The packet is frozen by the service.
         */
        void send(Instant at) {
            if (referral.status != Referral.Status.DRAFT || referrals.activeConsent(referral).isEmpty()) {
                return;
            }
            byte[] nonce = new byte[18];
            RANDOM.nextBytes(nonce);
            referral.status = Referral.Status.SENT;
            referral.sentAt = at;
            referral.linkNonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
            referral.linkExpiresAt = at.plus(Duration.ofDays(config.referrals().linkDays())).truncatedTo(ChronoUnit.SECONDS);
            referrals.sentPacket(referral, Clinic.zoneOf(clinic));
            ReferralSnapshot.<ReferralSnapshot> findByIdOptional(referral.id).ifPresent(s -> s.takenAt = at);
            event(ReferralService.STAFF, client.trainer().fullName, "Sent; the email with the link to " + provider.email
                    + " went out", at);
        }

        /** What ReferralReminders does when the provider has not acknowledged in time: the author was told then. */
        void unacknowledged() {
            Instant at = referral.sentAt == null ? null : referral.sentAt.plus(Duration.ofDays(clinic.referralAckDays));
            if (at == null || !at.isBefore(time.now())) {
                return;
            }
            referral.reminderSentAt = at;
            event(ReferralService.SYSTEM, "Backline", "Not acknowledged in time: a reminder email to the author went out",
                    at);
        }

        private void event(String actorKind, String actorName, String note, Instant at) {
            ReferralEvent event = new ReferralEvent();
            event.id = UUID.randomUUID();
            event.referralId = referral.id;
            event.status = referral.status.name();
            event.actorName = actorName;
            event.actorKind = actorKind;
            event.note = note;
            event.happenedAt = at;
            event.persist();
            stamped.add(event.id);
        }

        void schedule(java.time.LocalDate appointmentOn, Instant at) {
            referrals.schedule(referral, appointmentOn, provider.fullName);
            referral.acknowledgedAt = at;
            stamp(at);
        }

        void reply(String findings, String recommendations, Instant at) {
            referrals.reply(referral, findings, recommendations, false, provider, null);
            referral.acknowledgedAt = at;
            ReferralReply.<ReferralReply> list("referralId", referral.id).forEach(r -> r.receivedAt = at);
            stamp(at);
        }

        /** The timeline's new entries happened at this time. */
        void stamp(Instant at) {
            for (ReferralEvent event : ReferralEvent.<ReferralEvent> list("referralId", referral.id)) {
                if (stamped.add(event.id)) {
                    event.happenedAt = at;
                }
            }
        }
    }
}
