package io.backline.referral;

import java.net.URI;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditEvent;
import io.backline.audit.AuditTrail;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.directory.Provider;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The provider's side of a referral, opened from the emailed link with no account: the packet the client agreed
 * to share when it was sent, and buttons to acknowledge, give an appointment, decline or reply. A tampered, expired
 * or revoked link, a closed referral (declined, completed, cancelled, or its client erased) or withdrawn consent
 * shows a sentence saying so and nothing else, and every form on it writes nothing. Every opening and every answer is
 * audited, and both count towards the rate limit.
 * <p>
 * The emailed link carries its expiry, key id and signature as {@code expires}, {@code key} and {@code signature}.
 * Opening it sets a two-hour pass cookie on this referral's pages and sends the browser to the page's plain address,
 * which (and whose forms) then work from the cookie alone ({@link ReferralLinks}). Links emailed before key ids have
 * none and were signed with the default key; links emailed before those names call the expiry and signature {@code e}
 * and {@code s}. Both are still read until the last such link has expired (30 days after the change), when {@code e}
 * and {@code s} can go.
 */
@Path("/provider/referrals/{id}")
@PermitAll
public class ProviderReferrals extends Controller {
    /** Who the audit trail names for a provider: they have no account, so a fixed id and their name. */
    static final UUID PROVIDER_ACTOR = new UUID(0, 0);
    static final String OPENED = "provider opened referral";
    /** Openings and answers together, per referral. */
    static final int REQUESTS_PER_10_MINUTES = 30;

    @Inject
    ReferralQuery query;
    @Inject
    CurrentClinic currentClinic;
    @Inject
    ReferralLinks links;
    @Inject
    ReferralService referrals;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;
    @Inject
    HttpServerRequest request;

    public record Page(Referral referral, String clientName, Provider provider, Clinic clinic, ReferralPacket.Packet packet,
            List<ReferralReply> replies, Map<String, String> form) {
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

        /** {@code pageOf}: a referral whose page to offer again (its pass may be held back), or null. */
        static native TemplateInstance closed(String title, String message, String pageOf);
    }

    private record Opened(Referral referral, Provider provider, Clinic clinic) {
    }

    /** A link's expiry, key id and signature, by their names or by the names of links sent before (see above). */
    private record Proof(String expires, String key, String signature) {
        static Proof of(String expires, String key, String signature, String oldExpires, String oldSignature) {
            return expires == null && signature == null ? new Proof(oldExpires, key, oldSignature)
                    : new Proof(expires, key, signature);
        }

        boolean given() {
            return expires != null || key != null || signature != null;
        }
    }

    /**
     * With the link's credential: checks it, gives the browser its pass and sends it to the plain address, so the
     * credential stays in neither the address bar nor the history. Without: the page, for the holder of a pass.
     */
    @GET
    @Path("")
    public Response show(@RestPath String id, @RestQuery String expires, @RestQuery String key, @RestQuery String signature,
            @RestQuery("e") String oldExpires, @RestQuery("s") String oldSignature) {
        Proof proof = Proof.of(expires, key, signature, oldExpires, oldSignature);
        if (proof.given()) {
            Object opened = open(id, referral -> links.check(referral, proof.expires(), proof.key(), proof.signature()));
            if (opened instanceof Response refused) {
                return refused;
            }
            Referral referral = ((Opened) opened).referral();
            return Response.seeOther(URI.create(links.page(referral)))
                    .header(HttpHeaders.SET_COOKIE, links.passCookie(referral)).build();
        }
        Object opened = open(id, this::passCheck);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        providerLooked(it);
        return Responses.of(Templates.show(page(it, Map.of())));
    }

    @POST
    @Path("acknowledge")
    public Response acknowledge(@RestPath String id) {
        return act(id, it -> {
            referrals.acknowledge(it.referral(), it.provider().fullName);
            providerDid(it, "provider acknowledged referral");
            return "Thank you: the care team sees that you received the referral.";
        });
    }

    /** The example in the message is a week from today, so it cannot be a constraint's fixed text. */
    @POST
    @Path("schedule")
    public Response schedule(@RestPath String id, @RestForm String appointmentOn) {
        Object opened = open(id, this::passCheck);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        LocalDate day = Typed.day(appointmentOn);
        if (day == null) {
            validation.addError("appointmentOn", "Enter the appointment day, e.g. " + LocalDate.now(Clinic.zoneOf(it.clinic())).plusDays(7) + ".");
            return refusedForm(it);
        }
        referrals.schedule(it.referral(), day, it.provider().fullName);
        providerDid(it, "provider scheduled appointment");
        flash("message", "Appointment noted for " + day + ".");
        return seeOther(links.page(it.referral()));
    }

    @POST
    @Path("decline")
    public Response decline(@RestPath String id, @RestForm String reason) {
        return act(id, it -> {
            referrals.decline(it.referral(), limit(reason, 400), it.provider().fullName);
            providerDid(it, "provider declined referral");
            return "Declined. The care team will look for another provider.";
        });
    }

    /** Whether a clearance may be given depends on the provider, and "write something" on every field: checked here. */
    @POST
    @Path("reply")
    public Response reply(@RestPath String id,
            @RestForm @Size(max = 4000, message = "Findings can be at most {max} characters.") String findings,
            @RestForm @Size(max = 4000, message = "Recommendations can be at most {max} characters.") String recommendations,
            @RestForm String completed, @RestForm String resumeAnswer) {
        Object opened = open(id, this::passCheck);
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
            return refusedForm(it);
        }
        referrals.reply(it.referral(), found.isEmpty() ? null : found, recommended.isEmpty() ? null : recommended,
                completed != null, it.provider(), answer);
        providerDid(it, "provider replied to referral");
        flash("message", "Reply sent to the care team. Thank you.");
        return seeOther(links.page(it.referral()));
    }

    private Response act(String id, Function<Opened, String> action) {
        Object opened = open(id, this::passCheck);
        if (opened instanceof Response refused) {
            return refused;
        }
        Opened it = (Opened) opened;
        flash("message", action.apply(it));
        return seeOther(links.page(it.referral()));
    }

    /** A refused form is the page again, which shows the packet: audited as an opening, and counted like one. */
    private Response refusedForm(Opened it) {
        providerLooked(it);
        return Response.status(400).entity(Templates.show(page(it, submitted.values()))).build();
    }

    /** The pass cookie's verdict; several cookies of that name (one planted by a sibling site) are each tried. */
    private ReferralLinks.Check passCheck(Referral referral) {
        for (Cookie cookie : request.cookies(ReferralLinks.PASS_COOKIE)) {
            ReferralLinks.Check check = links.checkPass(referral, cookie.getValue());
            if (check != ReferralLinks.Check.INVALID) {
                return check;
            }
        }
        return ReferralLinks.Check.INVALID;
    }

    /** The referral behind a valid link or pass, or the page that explains why there is nothing to see. */
    private Object open(String id, Function<Referral, ReferralLinks.Check> credential) {
        UUID referralId = Ids.parseOrNull(id);
        String clinicId = referralId == null ? null : query.clinicOfReferral(referralId).orElse(null);
        if (clinicId == null) {
            return notValid(null);
        }
        // The link, not a sign-in, names the clinic: from here on every query runs inside that clinic only.
        currentClinic.workFor(clinicId);
        Referral referral = Referral.find("id", referralId).firstResult();
        switch (credential.apply(referral)) {
            case INVALID -> {
                // A browser that held the pass back (a privacy setting, a mail app's own browser) gets a link on this
                // site to try once more.
                boolean passHeldBack = request.method().name().equals("GET") && request.cookies(ReferralLinks.PASS_COOKIE).isEmpty();
                return notValid(passHeldBack ? referral.id.toString() : null);
            }
            case EXPIRED -> {
                return closed(410, "This link has expired", "Ask the clinic that referred the client to send it again.");
            }
            case REVOKED -> {
                return gone(referral);
            }
            case VALID -> {
                // goes on below
            }
        }
        if (!ReferralService.takesAnswers(referral)) {
            return gone(referral);
        }
        if (referrals.activeConsent(referral).isEmpty()) {
            return closed(410, "This referral is no longer available", "The client withdrew their consent to share it.");
        }
        if (AuditEvent.count("clientId = ?1 and actorUserId = ?2 and detail = ?3 and happenedAt > ?4", referral.clientId,
                PROVIDER_ACTOR, referral.id.toString(), Instant.now().minusSeconds(600)) >= REQUESTS_PER_10_MINUTES) {
            return closed(429, "Too many requests", "This referral was opened or answered many times in the last minutes; "
                    + "try again later.");
        }
        return new Opened(referral, Provider.findById(referral.providerId), Clinic.findById(clinicId));
    }

    private static Response gone(Referral referral) {
        return referral.status.isClosed()
                ? closed(410, "This referral is closed", "It was " + referral.status.label.toLowerCase()
                        + "; the link no longer opens it.")
                : closed(410, "This referral is no longer available", "The clinic withdrew this link.");
    }

    private void providerDid(Opened it, String action) {
        audit.recordBy(it.referral().clientId, PROVIDER_ACTOR, actorName(it), action, it.referral().id.toString());
    }

    /** Opening the page changes nothing: recorded as a look (docs/adr/0047). */
    private void providerLooked(Opened it) {
        audit.recordViewBy(it.referral().clientId, PROVIDER_ACTOR, actorName(it), OPENED, it.referral().id.toString());
    }

    private static String actorName(Opened it) {
        return it.provider().fullName + " (referral link)";
    }

    /** The page: the packet and client name as they were sent, the referral's answers as they are now. */
    private Page page(Opened it, Map<String, String> form) {
        ReferralService.Frozen sent = referrals.sentPacket(it.referral(), Clinic.zoneOf(it.clinic()));
        return new Page(it.referral(), sent.clientName(), it.provider(), it.clinic(), sent.packet(),
                referrals.replies(it.referral()), form);
    }

    private static Response notValid(String pageOf) {
        return Response.status(404).entity(Templates.closed("This link is not valid",
                "Check that you opened the whole link from the email.", pageOf)).build();
    }

    private static Response closed(int status, String title, String message) {
        return Response.status(status).entity(Templates.closed(title, message, null)).build();
    }

    private static String limit(String text, int max) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }
}
