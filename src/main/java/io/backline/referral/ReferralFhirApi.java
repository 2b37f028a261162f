package io.backline.referral;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.api.ApiDocumentFilter;
import io.backline.config.BacklineConfig;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentClinic;
import io.backline.directory.Provider;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CurrentUser;
import io.backline.people.StaffMember;
import io.backline.web.Ids;
import io.backline.web.Paged;

/** FHIR R4 views for other health systems: a referral as a ServiceRequest, the directory as a Bundle. */
@Path("/api/v1")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
@Tag(name = "FHIR", description = "FHIR R4 views of referrals and of the provider directory")
@SecurityRequirement(name = ApiDocumentFilter.BEARER, scopes = { CurrentUser.TRAINER, CurrentUser.ADMIN })
public class ReferralFhirApi {
    static final String FHIR_JSON = "application/fhir+json";
    static final int BUNDLE_PAGE = 500;

    @Inject
    BacklineConfig config;
    @Inject
    ClientAccess access;
    @Inject
    CurrentClinic currentClinic;
    @Inject
    ReferralService referrals;
    @Inject
    ReferralFhir fhir;
    @Inject
    AuditTrail audit;


    @GET
    @Path("referrals/{id}/fhir")
    @Produces(FHIR_JSON)
    @Operation(summary = "A referral as a FHIR ServiceRequest")
    public Response serviceRequest(@RestPath String id) {
        Referral referral = Referral.<Referral> find("id", Ids.parse(id)).firstResultOptional().orElseThrow(NotFoundException::new);
        Client client = access.visibleClient(referral.clientId).orElseThrow(NotFoundException::new);
        Provider provider = Provider.findById(referral.providerId);
        StaffMember author = StaffMember.find("id", referral.createdBy).firstResult();
        audit.recordView(client.id, "exported referral as FHIR", null);
        String body = fhir.json(fhir.serviceRequest(referral, client, provider, author,
                referrals.activeConsent(referral).orElse(null)));
        return Response.ok(body, FHIR_JSON).build();
    }

    /** The providers this clinic sees (shared and its own), 500 to a page: {@code ?page=2} for the next ones. */
    @GET
    @Path("directory/fhir")
    @Produces(FHIR_JSON)
    @Operation(summary = "The providers this clinic sees as a FHIR Bundle, 500 to a page")
    public Response directory(@RestQuery String page) {
        int index = Paged.index(page);
        List<Provider> providers = Provider.<Provider> find("ownerClinicId is null or ownerClinicId = ?1 order by fullName, id",
                currentClinic.requireId()).page(index, BUNDLE_PAGE).list();
        var bundle = fhir.directory(providers, config.baseUrl() + "/fhir");
        if (providers.size() == BUNDLE_PAGE) {
            bundle.addLink().setRelation("next").setUrl(config.baseUrl() + "/api/v1/directory/fhir?page=" + (index + 2));
        }
        return Response.ok(fhir.json(bundle), FHIR_JSON).build();
    }
}
