package io.backline.referral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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

/** The FHIR views parse with HAPI FHIR and validate against the official FHIR R4 XML schemas. */
@QuarkusTest
class ReferralFhirTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static ValidationResult validate(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        FhirValidator validator = FHIR.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        return validator.validateWithResult(FHIR.newXmlParser().encodeResourceToString(resource));
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
        ValidationResult result = validate(request);
        assertTrue(result.isSuccessful(), result.getMessages().toString());

        given().auth().oauth2(Tokens.accessToken("cedar-trainer")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("rose-client1")).get("/api/v1/referrals/" + id + "/fhir").then().statusCode(403);
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
        ValidationResult result = validate(bundle);
        assertTrue(result.isSuccessful(), result.getMessages().toString());
    }
}
