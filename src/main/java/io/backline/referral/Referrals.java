package io.backline.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.directory.Directory;
import io.backline.directory.Provider;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CareTeamRule;
import io.backline.clinic.CurrentUser;
import io.backline.people.StaffMember;
import io.backline.symptom.SymptomFlag;
import io.backline.web.Ids;
import io.backline.web.Paged;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Referrals for the care team: draft from a client or a flag, record consent, send, follow the timeline, close. */
@Path("/referrals")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Referrals extends Controller {
    static final List<String> CONSENT_METHODS = List.of("In person (spoken)", "Signed paper form", "Phone call", "Email");

    @Inject
    ClientAccess access;
    @Inject
    CurrentUser currentUser;
    @Inject
    Directory directory;
    @Inject
    ReferralService referrals;
    @Inject
    ReferralPacket packets;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    public record Form(Client client, List<Client> clients, Provider provider, List<SymptomFlag> flags,
            Map<String, String> values, List<String> checkedFlags, String requestKey) {
    }

    /**
     * {@code packet}: what the provider was sent ({@code packetSentAt} says when), or before sending what they would be.
     * {@code providerEmail}: the latest email to the provider, or null before sending (it leaves from an outbox).
     */
    public record Page(Referral referral, Client client, Provider provider, ReferralPacket.Packet packet,
            Instant packetSentAt, ReferralConsent consent, List<ReferralEvent> timeline, List<ReferralReply> replies,
            boolean overdue, List<String> consentMethods, Map<String, String> consentForm, String today,
            ReferralMail providerEmail) {
    }

    public record Row(Referral referral, Client client, Provider provider, boolean overdue) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Paged<Referral> page, List<Row> rows, String status);

        static native TemplateInstance create(Form form);

        static native TemplateInstance show(Page page);

        static native TemplateInstance letter(Page page, StaffMember author);
    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String status, @RestQuery String page) {
        Referral.Status wanted = parseStatus(status);
        String query = "1 = 1";
        Map<String, Object> params = new HashMap<>();
        if (wanted != null) {
            query += " and status = :status";
            params.put("status", wanted);
        }
        if (!currentUser.isAdmin()) {
            query += " and " + CareTeamRule.onCareTeamHql("clientId", ":staff");
            params.put("staff", currentUser.staffMemberId().orElse(new UUID(0, 0)));
        }
        Paged<Referral> referralsPage = Paged.of(Referral.find(query + " order by createdAt desc", params), Paged.index(page));
        List<UUID> clientIds = referralsPage.items().stream().map(r -> r.clientId).distinct().toList();
        List<UUID> providerIds = referralsPage.items().stream().map(r -> r.providerId).distinct().toList();
        Map<UUID, Client> clients = clientIds.isEmpty() ? Map.of()
                : Client.<Client> list("id in ?1", clientIds).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, Provider> providers = providerIds.isEmpty() ? Map.of()
                : Provider.<Provider> list("id in ?1", providerIds).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        int ackDays = currentUser.getClinic().referralAckDays;
        List<Row> rows = referralsPage.items().stream().map(r -> new Row(r, clients.get(r.clientId),
                providers.get(r.providerId), r.isOverdue(ackDays))).toList();
        return Templates.index(referralsPage, rows, wanted == null ? "" : wanted.name());
    }

    @GET
    @Path("new")
    public TemplateInstance create(@RestQuery String provider, @RestQuery String client, @RestQuery String flag) {
        Client chosen = client(client);
        Provider to = provider(provider);
        Map<String, String> values = new HashMap<>();
        values.put("urgency", Referral.Urgency.ROUTINE.name());
        values.put("shareProgram", "on");
        values.put("shareAdherence", "on");
        List<String> checked = new ArrayList<>();
        SymptomFlag linked = flag == null || chosen == null ? null : SymptomFlag.<SymptomFlag> find("id = ?1 and clientId = ?2",
                Ids.parseOrNull(flag), chosen.id).firstResult();
        if (linked != null) {
            checked.add(linked.id.toString());
            values.put("shareFlags", "on");
            values.put("reason", linked.type.label + " (" + linked.severity + "/10), reported "
                    + java.time.LocalDate.ofInstant(linked.reportedAt, currentUser.zone()));
            values.put("urgency", linked.isUrgent() ? Referral.Urgency.URGENT.name() : Referral.Urgency.SOON.name());
        }
        return Templates.create(form(chosen, to, values, checked));
    }

    @POST
    @Path("")
    public Response save(@BeanParam @Valid ReferralForm typed) {
        Client client = client(typed.clientId());
        Provider provider = provider(typed.providerId());
        if (client == null) {
            validation.addError("clientId", "Choose the client you are referring.");
        }
        Referral.Urgency level = typed.urgencyLevel();
        if (level == null) {
            validation.addError("urgency", "Choose how urgent the referral is.");
        }
        if (!provider.acceptsTrainerReferrals) {
            validation.addError("reason", provider.fullName + " does not take referrals from trainers; choose another provider.");
        }
        List<String> checked = typed.checkedFlags();
        List<UUID> flags = client == null ? List.of() : SymptomFlag.<SymptomFlag> list("clientId = ?1", client.id).stream()
                .map(f -> f.id).filter(id -> checked.contains(id.toString())).toList();
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.create(form(client, provider, submitted.values(), checked))).build();
        }
        StaffMember me = StaffMember.signedIn(currentUser).orElseThrow(NotFoundException::new);
        Referral referral = referrals.draft(new ReferralService.Draft(client, provider, typed.reasonText(), level,
                typed.messageText(), typed.shareProgram() != null, typed.shareAdherence() != null,
                typed.shareSessions() != null, typed.shareFlags() != null, flags, typed.key(), me.id, currentUser.getName()));
        audit.record(client.id, "drafted referral", provider.specialty.label);
        flash("message", "Referral drafted. Next: the client's consent, then send it.");
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath String id) {
        Referral referral = referral(id);
        audit.recordView(referral.clientId, "viewed referral", null);
        return Templates.show(page(referral, defaultConsentForm()));
    }

    @GET
    @Path("{id}/letter")
    public TemplateInstance letter(@RestPath String id) {
        Referral referral = referral(id);
        audit.recordView(referral.clientId, "printed referral letter", null);
        StaffMember author = StaffMember.find("id", referral.createdBy).firstResult();
        return Templates.letter(page(referral, defaultConsentForm()), author);
    }

    /** Both rules need more than the field: the list of ways to consent, and today in the clinic's zone. */
    @POST
    @Path("{id}/consent")
    public Response recordConsent(@RestPath String id, @RestForm String method, @RestForm String givenOn) {
        Referral referral = referral(id);
        if (method == null || !CONSENT_METHODS.contains(method)) {
            validation.addError("method", "Choose how the client gave consent.");
        }
        LocalDate today = LocalDate.now(zone());
        LocalDate day = Typed.day(givenOn);
        if (day == null) {
            validation.addError("givenOn", "Enter the day the client consented, e.g. " + today + ".");
        } else if (day.isAfter(today)) {
            validation.addError("givenOn", "Consent cannot be given in the future.");
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.show(page(referral, submitted.values()))).build();
        }
        Instant givenAt = day.atStartOfDay(zone()).toInstant();
        referrals.consent(referral, ReferralService.STAFF, method, givenAt, currentUser.getName());
        audit.record(referral.clientId, "recorded consent", method);
        flash("message", "Consent recorded.");
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    @POST
    @Path("{id}/consent/revoke")
    public Response revokeConsent(@RestPath String id) {
        Referral referral = referral(id);
        referrals.revokeConsent(referral, currentUser.getName(), ReferralService.STAFF);
        audit.record(referral.clientId, "withdrew consent", null);
        flash("message", "Consent withdrawn. The provider can no longer open the referral.");
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    @POST
    @Path("{id}/send")
    public Response send(@RestPath String id) {
        Referral referral = referral(id);
        Provider provider = Provider.findById(referral.providerId);
        switch (referrals.send(referral, provider, currentUser.getClinic(), currentUser.getName())) {
            case ReferralService.SendOutcome.Sent sent -> {
                audit.record(referral.clientId, "sent referral", provider.fullName);
                flash("message", "Sent to " + provider.fullName + ". The email with the link goes out in a moment; "
                        + "this page shows when it has, and when they acknowledge the referral.");
            }
            case ReferralService.SendOutcome.Refused refused -> flash("message", refused.reason());
        }
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    @POST
    @Path("{id}/revoke-link")
    public Response revokeLink(@RestPath String id) {
        Referral referral = referral(id);
        referrals.revokeLink(referral, currentUser.getName());
        audit.record(AuditSubject.referral(referral.id, referral.clientId), AuditTrail.REVOKED_PROVIDER_LINK, null);
        flash("message", "The provider's link no longer works.");
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@RestPath String id, @RestForm String reason) {
        Referral referral = referral(id);
        referrals.cancel(referral, currentUser.getName(), reason == null ? null : reason.strip());
        audit.record(referral.clientId, "cancelled referral", null);
        flash("message", "Referral cancelled.");
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    @POST
    @Path("{id}/complete")
    public Response complete(@RestPath String id) {
        Referral referral = referral(id);
        referrals.complete(referral, currentUser.getName(), ReferralService.STAFF);
        audit.record(AuditSubject.referral(referral.id, referral.clientId), AuditTrail.COMPLETED_REFERRAL, null);
        flash("message", "Referral marked completed.");
        return Responses.of(redirect(Referrals.class).show(referral.id.toString()));
    }

    private Page page(Referral referral, Map<String, String> consentForm) {
        Client client = Client.find("id", referral.clientId).firstResult();
        Provider provider = Provider.findById(referral.providerId);
        Optional<ReferralService.Frozen> sent = referrals.keptPacket(referral);
        return new Page(referral, client, provider, sent.map(ReferralService.Frozen::packet)
                .orElseGet(() -> packets.of(referral, zone())), sent.map(ReferralService.Frozen::takenAt).orElse(null),
                referrals.activeConsent(referral).orElse(null), referrals.timeline(referral), referrals.replies(referral),
                referral.isOverdue(currentUser.getClinic().referralAckDays), CONSENT_METHODS, consentForm,
                LocalDate.now(zone()).toString(), ReferralMail.<ReferralMail> find(
                        "referralId = ?1 and kind = ?2 order by createdAt desc", referral.id, ReferralMail.Kind.PROVIDER)
                        .firstResult());
    }

    private Map<String, String> defaultConsentForm() {
        Map<String, String> values = new HashMap<>();
        values.put("givenOn", LocalDate.now(zone()).toString());
        return values;
    }

    private Form form(Client client, Provider provider, Map<String, String> values, List<String> checked) {
        List<SymptomFlag> flags = client == null ? List.of()
                : SymptomFlag.<SymptomFlag> find("clientId = ?1 order by reportedAt desc", client.id).page(0, 10).list();
        return new Form(client, client == null ? access.activeVisible(500) : List.of(), provider, flags, values, checked,
                UUID.randomUUID().toString());
    }

    /** A referral whose client this person may see; anything else is not found. */
    private Referral referral(String id) {
        Referral referral = Referral.<Referral> find("id", Ids.parse(id)).firstResultOptional().orElseThrow(NotFoundException::new);
        access.visibleClient(referral.clientId).orElseThrow(NotFoundException::new);
        return referral;
    }

    private Client client(String id) {
        UUID clientId = Ids.parseOrNull(id);
        return clientId == null ? null : access.visibleClient(clientId).orElseThrow(NotFoundException::new);
    }

    private Provider provider(String id) {
        return directory.visible(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }

    private ZoneId zone() {
        return currentUser.zone();
    }

    private static Referral.Status parseStatus(String status) {
        try {
            return status == null || status.isBlank() ? null : Referral.Status.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
