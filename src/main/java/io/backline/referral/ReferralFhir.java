package io.backline.referral;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import ca.uhn.fhir.context.FhirContext;

import io.backline.directory.Provider;
import io.backline.people.Client;
import io.backline.people.StaffMember;

/**
 * Backline's referrals and directory in FHIR R4, built with HAPI FHIR's model: a referral is a ServiceRequest whose
 * performer is a PractitionerRole (with its Practitioner and Location) and whose supporting information is the
 * client's Consent; the directory is a Bundle of Practitioner, PractitionerRole and Location resources.
 */
@ApplicationScoped
public class ReferralFhir {
    static final String SPECIALTY_SYSTEM = "https://backline.example/fhir/CodeSystem/provider-specialty";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    public String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    public ServiceRequest serviceRequest(Referral referral, Client client, Provider provider, StaffMember author,
            ReferralConsent consent) {
        Practitioner practitioner = practitioner(provider);
        practitioner.setId("provider");
        Location location = location(provider);
        location.setId("location");
        PractitionerRole role = role(provider, new Reference("#provider"), new Reference("#location"));
        role.setId("role");
        Patient patient = new Patient();
        patient.setId("client");
        patient.addName(new HumanName().setText(client.fullName));

        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id.toString());
        request.setStatus(status(referral.status));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(switch (referral.urgency) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case SOON -> ServiceRequest.ServiceRequestPriority.URGENT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.ASAP;
        });
        request.addCategory(new CodeableConcept(new Coding("http://snomed.info/sct", "3457005", "Patient referral")));
        request.setCode(new CodeableConcept().setText("Referral to " + provider.specialty.label.toLowerCase()));
        request.setSubject(new Reference("#client").setDisplay(client.fullName));
        request.setAuthoredOn(Date.from(referral.createdAt));
        if (referral.appointmentOn != null) {
            request.setOccurrence(new DateTimeType(referral.appointmentOn.toString()));
        }
        if (author != null) {
            request.getRequester().setDisplay(author.fullName);
        }
        request.addPerformer(new Reference("#role").setDisplay(provider.fullName));
        request.addReasonCode(new CodeableConcept().setText(referral.reason));
        if (referral.message != null) {
            request.addNote().setText(referral.message);
        }
        request.addContained(patient);
        request.addContained(practitioner);
        request.addContained(location);
        request.addContained(role);
        if (consent != null) {
            Consent fhirConsent = consent(consent, referral);
            fhirConsent.setId("consent");
            request.addContained(fhirConsent);
            request.addSupportingInfo(new Reference("#consent"));
        }
        return request;
    }

    /** The directory as a FHIR collection: for each provider, a Practitioner, a PractitionerRole and a Location. */
    public Bundle directory(List<Provider> providers, String baseUrl) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        for (Provider provider : providers) {
            Practitioner practitioner = practitioner(provider);
            practitioner.setId(provider.id.toString());
            Location location = location(provider);
            location.setId("location-" + provider.id);
            PractitionerRole role = role(provider, new Reference("Practitioner/" + provider.id),
                    new Reference("Location/location-" + provider.id));
            role.setId("role-" + provider.id);
            bundle.addEntry().setFullUrl(baseUrl + "/Practitioner/" + provider.id).setResource(practitioner);
            bundle.addEntry().setFullUrl(baseUrl + "/PractitionerRole/role-" + provider.id).setResource(role);
            bundle.addEntry().setFullUrl(baseUrl + "/Location/location-" + provider.id).setResource(location);
        }
        return bundle;
    }

    private static Practitioner practitioner(Provider provider) {
        Practitioner practitioner = new Practitioner();
        practitioner.setActive(true);
        practitioner.addName(new HumanName().setText(provider.fullName));
        if (provider.credentials != null) {
            practitioner.addQualification().setCode(new CodeableConcept().setText(provider.credentials));
        }
        for (String language : provider.languages.split(",")) {
            if (!language.isBlank()) {
                practitioner.addCommunication(new CodeableConcept().setText(language.strip()));
            }
        }
        return practitioner;
    }

    private static Location location(Provider provider) {
        Location location = new Location();
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(provider.practice != null ? provider.practice : provider.fullName);
        location.setAddress(new Address().addLine(provider.address).setCity(provider.city).setPostalCode(provider.postalCode)
                .setState("OR").setCountry("US"));
        location.setPosition(new Location.LocationPositionComponent()
                .setLatitude(provider.latitude).setLongitude(provider.longitude));
        return location;
    }

    private static PractitionerRole role(Provider provider, Reference practitioner, Reference location) {
        PractitionerRole role = new PractitionerRole();
        role.setActive(true);
        role.setPractitioner(practitioner);
        role.addLocation(location);
        role.addSpecialty(new CodeableConcept(new Coding(SPECIALTY_SYSTEM, provider.specialty.name(), provider.specialty.label)));
        if (provider.phone != null) {
            role.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(provider.phone));
        }
        if (provider.email != null) {
            role.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(provider.email));
        }
        if (provider.hours != null) {
            role.setAvailabilityExceptions(provider.hours);
        }
        role.addExtension().setUrl("https://backline.example/fhir/StructureDefinition/accepting-new-clients")
                .setValue(new org.hl7.fhir.r4.model.BooleanType(provider.acceptingNewClients));
        return role;
    }

    private static Consent consent(ReferralConsent consent, Referral referral) {
        Consent fhir = new Consent();
        fhir.setStatus(consent.isActive() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        fhir.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                "Privacy Consent")));
        fhir.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        fhir.setPatient(new Reference("#client"));
        fhir.setDateTime(Date.from(consent.givenAt));
        fhir.setPolicyRule(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in")));
        fhir.getSourceAttachment().setTitle(consent.method + ", recorded by " + consent.recordedBy);
        var provision = fhir.getProvision();
        provision.setType(Consent.ConsentProvisionType.PERMIT);
        provision.addActor().setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                "IRCP", "information recipient"))).setReference(new Reference("#role"));
        return fhir;
    }

    private static ServiceRequest.ServiceRequestStatus status(Referral.Status status) {
        return switch (status) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case SENT, ACKNOWLEDGED, SCHEDULED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DECLINED, CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        };
    }
}
