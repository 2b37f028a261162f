package io.backline.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
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
import io.backline.web.Ids;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The provider's side of a referral, opened from the emailed link with no account: the packet the client agreed
 * to share, and buttons to acknowledge, give an appointment, decline or reply. A tampered, expired or revoked link
 * (or withdrawn consent) shows a sentence saying so and nothing else. Every opening is audited and rate-limited.
 * <p>
 * The link carries its expiry and signature as {@code expires} and {@code signature}. Links emailed before those
 * names called them {@code e} and {@code s}; both are still read, on the page and its forms, until the last such link
 * has expired ({@code backline.referrals.link-days} after it was sent), when {@code e} and {@code s} can go.
 */
@Path("/provider/referrals/{id}")
@PermitAll
public class ProviderReferrals extends Controller {
    /** Who the audit trail names for a provider: they have no account, so a fixed id and their name. */
    static final UUID PROVIDER_ACTOR = new UUID(0, 0);
    static final String OPENED = "provider opened referral";
    static final int OPENINGS_PER_10_MINUTES = 30;

    @Inject
    ReferralQuery query;
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
    @Inject
    SubmittedForm submitted;

    public record Page(Referral referral, Client client, Provider provider, Clinic clinic, ReferralPacket.Packet packet,
            String expires, String signature, Map<String, String> form) {
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

    private record Opened(Referral referral, Provider provider, Clinic clinic, Proof proof) {
    }

    /** A link's expiry and signature, by their names or by the names of links sent before (see above). */
    private record Proof(String expires, String signature) {
        static Proof of(String expires, String signature, String oldExpires, String oldSignature) {
            return expires == null && signature == null ? new Proof(oldExpires, oldSignature) : new Proof(expires, signature);
        }
    }

    @GET
    @Path("")
    public Object show(@RestPath String id, @RestQuery String expires, @RestQuery String signature,
            @RestQuery("e") String oldExpires, @RestQuery("s") String oldSignature) {
        Object opened = open(id, Proof.of(expires, signature, oldExpires, oldSignature));
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        audit.recordBy(it.referral().clientId, PROVIDER_ACTOR, it.provider().fullName + " (referral link)", OPENED,
                it.referral().id.toString());
        return Templates.show(page(it, Map.of()));
    }

    @POST
    @Path("acknowledge")
    public Object acknowledge(@RestPath String id, @RestForm String expires, @RestForm String signature,
            @RestForm("e") String oldExpires, @RestForm("s") String oldSignature) {
        return act(id, Proof.of(expires, signature, oldExpires, oldSignature), it -> {
            referrals.acknowledge(it.referral(), it.provider().fullName);
            providerDid(it, "provider acknowledged referral");
            return "Thank you: the care team sees that you received the referral.";
        });
    }

    /** The example in the message is a week from today, so it cannot be a constraint's fixed text. */
    @POST
    @Path("schedule")
    public Object schedule(@RestPath String id, @RestForm String expires, @RestForm String signature,
            @RestForm("e") String oldExpires, @RestForm("s") String oldSignature, @RestForm String appointmentOn) {
        Object opened = open(id, Proof.of(expires, signature, oldExpires, oldSignature));
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        LocalDate day = Typed.day(appointmentOn);
        if (day == null) {
            validation.addError("appointmentOn", "Enter the appointment day, e.g. " + LocalDate.now().plusDays(7) + ".");
            return Response.status(400).entity(Templates.show(page(it, submitted.values()))).build();
        }
        referrals.schedule(it.referral(), day, it.provider().fullName);
        providerDid(it, "provider scheduled appointment");
        flash("message", "Appointment noted for " + day + ".");
        return seeOther(links.link(it.referral()));
    }

    @POST
    @Path("decline")
    public Object decline(@RestPath String id, @RestForm String expires, @RestForm String signature,
            @RestForm("e") String oldExpires, @RestForm("s") String oldSignature, @RestForm String reason) {
        return act(id, Proof.of(expires, signature, oldExpires, oldSignature), it -> {
            referrals.decline(it.referral(), limit(reason, 400), it.provider().fullName);
            providerDid(it, "provider declined referral");
            return "Declined. The care team will look for another provider.";
        });
    }

    /** Whether a clearance may be given depends on the provider, and "write something" on every field: checked here. */
    @POST
    @Path("reply")
    public Object reply(@RestPath String id, @RestForm String expires, @RestForm String signature,
            @RestForm("e") String oldExpires, @RestForm("s") String oldSignature,
            @RestForm @Size(max = 4000, message = "Findings can be at most {max} characters.") String findings,
            @RestForm @Size(max = 4000, message = "Recommendations can be at most {max} characters.") String recommendations,
            @RestForm String completed, @RestForm String resumeAnswer) {
        Object opened = open(id, Proof.of(expires, signature, oldExpires, oldSignature));
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        String found = Typed.text(findings);
        String recommended = Typed.text(recommendations);
        Referral.ResumeAnswer answer = null;
        if (!Typed.text(resumeAnswer).isEmpty()) {
            try {
                answer = Referral.ResumeAnswer.valueOf(resumeAnswer.strip());
            } catch (IllegalArgumentException ex) {
                validation.addError("resumeAnswer", "Choose one of the answers listed.");
            }
            if (answer != null && ReferralService.clearanceRole(it.provider()).isEmpty()) {
                validation.addError("resumeAnswer", "Clearance to resume is given by a physician, physical therapist or chiropractor.");
            }
        }
        if (!validation.hasErrors() && found.isEmpty() && recommended.isEmpty() && answer == null) {
            validation.addError("findings", "Write your findings or recommendations before sending the reply.");
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.show(page(it, submitted.values()))).build();
        }
        referrals.reply(it.referral(), found.isEmpty() ? null : found, recommended.isEmpty() ? null : recommended,
                completed != null, it.provider(), answer);
        providerDid(it, "provider replied to referral");
        flash("message", "Reply sent to the care team. Thank you.");
        return seeOther(links.link(it.referral()));
    }

    private Object act(String id, Proof proof, Function<Opened, String> action) {
        Object opened = open(id, proof);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        flash("message", action.apply(it));
        return seeOther(links.link(it.referral()));
    }

    /** The referral behind a valid link, or the page that explains why there is nothing to see. */
    private Object open(String id, Proof proof) {
        UUID referralId = Ids.parseOrNull(id);
        String clinicId = referralId == null ? null : query.clinicOfReferral(referralId).orElse(null);
        if (clinicId == null) {
            return closed(404, "This link is not valid", "Check that you opened the whole link from the email.");
        }
        // The link, not a sign-in, names the clinic: from here on every query runs inside that clinic only.
        currentClinic.workFor(clinicId);
        Referral referral = Referral.find("id", referralId).firstResult();
        switch (links.check(referral, proof.expires(), proof.signature())) {
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
        return new Opened(referral, Provider.findById(referral.providerId), Clinic.findById(clinicId), proof);
    }

    private void providerDid(Opened it, String action) {
        audit.recordBy(it.referral().clientId, PROVIDER_ACTOR, it.provider().fullName + " (referral link)", action,
                it.referral().id.toString());
    }

    /** The page, whose forms carry the link's proof under its current names, whichever names it came with. */
    private Page page(Opened it, Map<String, String> form) {
        Client client = Client.find("id", it.referral().clientId).firstResult();
        return new Page(it.referral(), client, it.provider(), it.clinic(),
                packets.of(it.referral(), Clinic.zoneOf(it.clinic())), it.proof().expires(), it.proof().signature(), form);
    }

    private static Response closed(int status, String title, String message) {
        return Response.status(status).entity(Templates.closed(title, message)).build();
    }

    private static String limit(String text, int max) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }
}
