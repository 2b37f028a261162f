package io.backline.api;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Keeps the OpenAPI document to what an API user can call: the JSON API and FHIR endpoints under {@code /api/}. The
 * HTML pages are JAX-RS resources too, but they are for browsers, with forms and CSRF tokens, not for API clients.
 * The build runs it (smallrye-open-api-maven-plugin in pom.xml), so no start of the app builds the document.
 */
public class ApiDocumentFilter implements OASFilter {
    public static final String API_PREFIX = "/api/";
    /** The name the API classes' {@code @SecurityRequirement} refer to. */
    public static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            List<String> pages = openAPI.getPaths().getPathItems().keySet().stream()
                    .filter(path -> !path.startsWith(API_PREFIX)).toList();
            pages.forEach(openAPI.getPaths()::removePathItem);
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // The error body every endpoint of the API answers with, for a client to rely on.
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .description("An error: the HTTP status, a sentence for a person, and the fields it concerns.")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).examples(List.of(400)))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("discomfort must be from 0 to 10.")))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("discomfort"))));
        // Every call carries an access token of the clinic's Keycloak realm; its address differs per deployment.
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from the clinic's Keycloak realm, audience backline-api."));
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        openAPI.getInfo().description("Backline's JSON API for the client's app and for staff tools, and FHIR R4 views "
                + "of referrals and the provider directory. Every call needs a bearer token from the clinic's Keycloak "
                + "realm with the backline-api audience. Errors answer with a Problem body.");
    }
}
