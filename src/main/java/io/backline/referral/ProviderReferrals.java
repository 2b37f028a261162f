package io.backline.referral;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditEvent;
import io.backline.audit.AuditTrail;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.directory.Provider;
import io.backline.people.Client;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The provider's side of a referral, opened from the emailed link with no account: the packet the client agreed
 * to share, and buttons to acknowledge, give an appointment, decline or reply. A tampered, expired or revoked link
 * (or withdrawn consent) shows a sentence saying so and nothing else. Every opening is audited and rate-limited.
 */
@Path("/provider/referrals/{id}")
@PermitAll
public class ProviderReferrals extends Controller {
    /** Who the audit trail names for a provider: they have no account, so a fixed id and their name. */
    static final UUID PROVIDER_ACTOR = new UUID(0, 0);
    static final String OPENED = "provider opened referral";
    static final int OPENINGS_PER_10_MINUTES = 30;

    @Inject
    DataSource dataSource;
    @Inject
    CurrentClinic currentClinic;
    @Inject
    ReferralLinks links;
    @Inject
    ReferralService referrals;
    @Inject
    ReferralPacket packets;
    @Inject
    AuditTrail audit;

    public record Page(Referral referral, Client client, Provider provider, Clinic clinic, ReferralPacket.Packet packet,
            String e, String s, Map<String, String> form, FormErrors errors) {
        /** Only a provider who can examine the spine and chest is asked whether the client may resume. */
        public boolean asksClearance() {
            return ReferralService.clearanceRole(provider).isPresent();
        }

        public List<Referral.ResumeAnswer> resumeAnswers() {
            return List.of(Referral.ResumeAnswer.values());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Page page);

        static native TemplateInstance closed(String title, String message);
    }

    private record Opened(Referral referral, Provider provider, Clinic clinic) {
    }

    @GET
    @Path("")
    public Object show(@RestPath String id, @RestQuery String e, @RestQuery String s) {
        Object opened = open(id, e, s);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        audit.recordBy(it.referral().clientId, PROVIDER_ACTOR, it.provider().fullName + " (referral link)", OPENED,
                it.referral().id.toString());
        return Templates.show(page(it, e, s, Map.of(), new FormErrors()));
    }

    @POST
    @Path("acknowledge")
    public Object acknowledge(@RestPath String id, @RestForm String e, @RestForm String s) {
        return act(id, e, s, it -> {
            referrals.acknowledge(it.referral(), it.provider().fullName);
            providerDid(it, "provider acknowledged referral");
            return "Thank you: the care team sees that you received the referral.";
        });
    }

    @POST
    @Path("schedule")
    public Object schedule(@RestPath String id, @RestForm String e, @RestForm String s, @RestForm String appointmentOn) {
        Object opened = open(id, e, s);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        try {
            LocalDate day = LocalDate.parse(appointmentOn == null ? "" : appointmentOn.strip());
            referrals.schedule(it.referral(), day, it.provider().fullName);
            providerDid(it, "provider scheduled appointment");
            flash("message", "Appointment noted for " + day + ".");
            return seeOther(links.link(it.referral()));
        } catch (DateTimeParseException ex) {
            FormErrors errors = new FormErrors().add("appointmentOn", "Enter the appointment day, e.g. " + LocalDate.now().plusDays(7) + ".");
            return Response.status(400).entity(Templates.show(page(it, e, s, Map.of("appointmentOn", appointmentOn == null ? "" : appointmentOn), errors))).build();
        }
    }

    @POST
    @Path("decline")
    public Object decline(@RestPath String id, @RestForm String e, @RestForm String s, @RestForm String reason) {
        return act(id, e, s, it -> {
            referrals.decline(it.referral(), limit(reason, 400), it.provider().fullName);
            providerDid(it, "provider declined referral");
            return "Declined. The care team will look for another provider.";
        });
    }

    @POST
    @Path("reply")
    public Object reply(@RestPath String id, @RestForm String e, @RestForm String s, @RestForm String findings,
            @RestForm String recommendations, @RestForm String completed, @RestForm String resumeAnswer) {
        Object opened = open(id, e, s);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        FormErrors errors = new FormErrors();
        String found = errors.text("findings", findings, 4000, false, "Findings");
        String recommended = errors.text("recommendations", recommendations, 4000, false, "Recommendations");
        Referral.ResumeAnswer answer = null;
        if (resumeAnswer != null && !resumeAnswer.isBlank()) {
            try {
                answer = Referral.ResumeAnswer.valueOf(resumeAnswer.strip());
            } catch (IllegalArgumentException ex) {
                errors.add("resumeAnswer", "Choose one of the answers listed.");
            }
            if (answer != null && ReferralService.clearanceRole(it.provider()).isEmpty()) {
                errors.add("resumeAnswer", "Clearance to resume is given by a physician, physical therapist or chiropractor.");
            }
        }
        if (errors.isEmpty() && found.isEmpty() && recommended.isEmpty() && answer == null) {
            errors.add("findings", "Write your findings or recommendations before sending the reply.");
        }
        if (!errors.isEmpty()) {
            Map<String, String> form = Map.of("findings", findings == null ? "" : findings,
                    "recommendations", recommendations == null ? "" : recommendations,
                    "resumeAnswer", resumeAnswer == null ? "" : resumeAnswer);
            return Response.status(400).entity(Templates.show(page(it, e, s, form, errors))).build();
        }
        referrals.reply(it.referral(), found.isEmpty() ? null : found, recommended.isEmpty() ? null : recommended,
                completed != null, it.provider(), answer);
        providerDid(it, "provider replied to referral");
        flash("message", "Reply sent to the care team. Thank you.");
        return seeOther(links.link(it.referral()));
    }

    private Object act(String id, String e, String s, java.util.function.Function<Opened, String> action) {
        Object opened = open(id, e, s);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        flash("message", action.apply(it));
        return seeOther(links.link(it.referral()));
    }

    /** The referral behind a valid link, or the page that explains why there is nothing to see. */
    private Object open(String id, String e, String s) {
        UUID referralId = Ids.parseOrNull(id);
        String clinicId = referralId == null ? null : clinicOf(referralId);
        if (clinicId == null) {
            return closed(404, "This link is not valid", "Check that you opened the whole link from the email.");
        }
        // The link, not a sign-in, names the clinic: from here on every query runs inside that clinic only.
        currentClinic.workFor(clinicId);
        Referral referral = Referral.find("id", referralId).firstResult();
        switch (links.check(referral, e, s)) {
            case INVALID -> {
                return closed(404, "This link is not valid", "Check that you opened the whole link from the email.");
            }
            case EXPIRED -> {
                return closed(410, "This link has expired", "Ask the clinic that referred the client to send it again.");
            }
            case REVOKED -> {
                return closed(410, "This referral is no longer available", "The clinic withdrew this link.");
            }
            case VALID -> {
                // goes on below
            }
        }
        if (referrals.activeConsent(referral).isEmpty()) {
            return closed(410, "This referral is no longer available", "The client withdrew their consent to share it.");
        }
        if (AuditEvent.count("action = ?1 and detail = ?2 and happenedAt > ?3", OPENED, referral.id.toString(),
                Instant.now().minusSeconds(600)) >= OPENINGS_PER_10_MINUTES) {
            return closed(429, "Too many openings", "This referral was opened many times in the last minutes; try again later.");
        }
        return new Opened(referral, Provider.findById(referral.providerId), Clinic.findById(clinicId));
    }

    private void providerDid(Opened it, String action) {
        audit.recordBy(it.referral().clientId, PROVIDER_ACTOR, it.provider().fullName + " (referral link)", action,
                it.referral().id.toString());
    }

    private Page page(Opened it, String e, String s, Map<String, String> form, FormErrors errors) {
        Client client = Client.find("id", it.referral().clientId).firstResult();
        return new Page(it.referral(), client, it.provider(), it.clinic(),
                packets.of(it.referral(), Clinic.zoneOf(it.clinic())), e, s, form, errors);
    }

    private static Response closed(int status, String title, String message) {
        return Response.status(status).entity(Templates.closed(title, message)).build();
    }

    private String clinicOf(UUID referralId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select clinic_id from referral where id = ?")) {
            statement.setObject(1, referralId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String limit(String text, int max) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }
}
