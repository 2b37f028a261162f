package io.backline.referral;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.backline.audit.AuditEvent;
import io.backline.directory.Provider;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A client's own referrals: where they were referred, the provider's contact details, where it stands, and their
 * consent to share ("share with …?" yes, or withdraw). Also who looked at their flags and referrals.
 */
@Path("/today/referrals")
@RolesAllowed(CurrentUser.CLIENT)
public class MyReferrals extends Controller {

    @Inject
    CurrentUser currentUser;
    @Inject
    ReferralService referrals;
    @Inject
    io.backline.audit.AuditTrail audit;

    public record Item(Referral referral, Provider provider, ReferralConsent consent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Item> items, List<AuditEvent> access);

        static native TemplateInstance show(Item item, List<ReferralEvent> timeline);
    }

    @GET
    @Path("")
    public TemplateInstance index() {
        Client me = Client.signedIn(currentUser);
        List<Referral> mine = Referral.list("clientId = ?1 and status <> ?2 order by createdAt desc", me.id, Referral.Status.CANCELLED);
        Map<java.util.UUID, Provider> providers = mine.isEmpty() ? Map.of()
                : Provider.<Provider> list("id in ?1", mine.stream().map(r -> r.providerId).distinct().toList()).stream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<java.util.UUID, ReferralConsent> consents = mine.isEmpty() ? Map.of()
                : ReferralConsent.<ReferralConsent> list("referralId in ?1 and revokedAt is null", mine.stream().map(r -> r.id).toList())
                        .stream().collect(Collectors.toMap(c -> c.referralId, Function.identity()));
        List<Item> items = mine.stream().map(r -> new Item(r, providers.get(r.providerId), consents.get(r.id))).toList();
        // "Who looked at my flags and referrals": the staff and provider entries of the audit trail about them.
        List<AuditEvent> access = AuditEvent.find("""
                clientId = ?1 and (action like '%flag%' or action like '%referral%' or action like '%consent%')
                order by happenedAt desc""", me.id).page(0, 30).list();
        return Templates.index(items, access);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath String id) {
        Item item = item(id);
        return Templates.show(item, referrals.timeline(item.referral()));
    }

    @POST
    @Path("{id}/consent")
    public Response consent(@RestPath String id) {
        Item item = item(id);
        referrals.consent(item.referral(), ReferralService.CLIENT, "In my Backline account", Instant.now(), currentUser.getName());
        audit.record(item.referral().clientId, "gave consent", item.provider().fullName);
        flash("message", io.backline.web.i18n.Texts.get("referral.consented", item.provider().fullName));
        return Responses.of(redirect(MyReferrals.class).show(item.referral().id.toString()));
    }

    @POST
    @Path("{id}/consent/revoke")
    public Response revoke(@RestPath String id) {
        Item item = item(id);
        referrals.revokeConsent(item.referral(), currentUser.getName(), ReferralService.CLIENT);
        audit.record(item.referral().clientId, "withdrew consent", item.provider().fullName);
        flash("message", io.backline.web.i18n.Texts.get("referral.withdrawn", item.provider().fullName));
        return Responses.of(redirect(MyReferrals.class).show(item.referral().id.toString()));
    }

    private Item item(String id) {
        Client me = Client.signedIn(currentUser);
        Referral referral = Referral.<Referral> find("id = ?1 and clientId = ?2 and status <> ?3", Ids.parse(id), me.id,
                Referral.Status.CANCELLED).firstResultOptional().orElseThrow(NotFoundException::new);
        return new Item(referral, Provider.findById(referral.providerId), referrals.activeConsent(referral).orElse(null));
    }
}
