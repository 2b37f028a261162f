package io.backline.referral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The FHIR views, as served, pass HAPI's instance validator with the R4 structure definitions. */
@QuarkusTest
class ReferralFhirTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** HAPI's instance validator with the R4 structure definitions: profiles, cardinalities, value sets. */
    private static final FhirValidator VALIDATOR = instanceValidator();

    private static FhirValidator instanceValidator() {
        var chain = new org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain(
                new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(FHIR),
                new org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport(FHIR),
                new org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService(FHIR),
                new org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport(FHIR));
        FhirValidator validator = FHIR.newValidator();
        validator.registerValidatorModule(new org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator(chain));
        return validator;
    }

    /** Validates the bytes the API served, as a client would receive them; only errors fail. */
    private static void assertValid(String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertEquals(List.of(), errors, json);
    }

    @Test
    void aReferralIsAServiceRequestWithItsProviderLocationAndConsent() {
        var trainer = SignIn.as("rose-trainer");
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Fhir Person");
        String page = "/referrals/new?provider=" + ReferralsTest.QUIET_ALDER + "&client=" + client;
        Map<String, Object> fields = new HashMap<>(Map.of("reason", "Upper back stiffness", "urgency", "URGENT", "message", "Please call first"));
        String location = trainer.submit(page, "/referrals", fields).then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        trainer.submit("/referrals/" + id, "/referrals/" + id + "/consent",
                Map.of("method", "Signed paper form", "givenOn", java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).toString())).then().statusCode(303);

        String json = given().auth().oauth2(Tokens.accessToken("rose-trainer")).get("/api/v1/referrals/" + id + "/fhir")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        ServiceRequest request = FHIR.newJsonParser().parseResource(ServiceRequest.class, json);
        assertEquals(ServiceRequest.ServiceRequestStatus.DRAFT, request.getStatus());
        assertEquals(ServiceRequest.ServiceRequestPriority.ASAP, request.getPriority());
        assertEquals("Upper back stiffness", request.getReasonCodeFirstRep().getText());
        PractitionerRole role = (PractitionerRole) request.getPerformerFirstRep().getResource();
        assertEquals("MASSAGE_THERAPIST", role.getSpecialtyFirstRep().getCodingFirstRep().getCode());
        Location place = (Location) role.getLocationFirstRep().getResource();
        assertEquals("Beaverton", place.getAddress().getCity());
        Consent consent = (Consent) request.getSupportingInfoFirstRep().getResource();
        assertEquals(Consent.ConsentState.ACTIVE, consent.getStatus());
        assertValid(json);

        given().auth().oauth2(Tokens.accessToken("cedar-trainer")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("rose-client1")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(403);
    }

    @Test
    void theValidatorRefusesAServiceRequestMissingWhatR4Requires() {
        ServiceRequest incomplete = new ServiceRequest();
        incomplete.setId("incomplete");
        String json = FHIR.newJsonParser().encodeResourceToString(incomplete);
        List<String> errors = VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString()).toList();
        assertTrue(errors.stream().anyMatch(where -> where.contains("ServiceRequest")), errors.toString());
    }

    @Test
    void theDirectoryIsAValidBundleWithoutAnotherClinicsPrivateEntries() {
        String json = given().auth().oauth2(Tokens.accessToken("cedar-trainer")).get("/api/v1/directory/fhir")
                .then().statusCode(200).extract().asString();
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        long practitioners = bundle.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Practitioner).count();
        assertTrue(practitioners >= 50, "providers: " + practitioners);
        assertTrue(json.contains("Marcus Bell") && !json.contains("Fiona Gallagher"), "Cedar's private entry in, Rose's out");
        assertValid(json);
    }
}
