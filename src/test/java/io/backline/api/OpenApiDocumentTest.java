package io.backline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * /q/openapi describes the JSON API and FHIR endpoints for API users, and is a valid OpenAPI 3.1 document. The build
 * writes it (pom.xml); the app only serves it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static SwaggerParseResult document() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        return new OpenAPIParser().readContents(json, null, options);
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult result = document();
        assertEquals(List.of(), result.getMessages(), "the validator's messages");
        assertTrue(result.getOpenAPI().getOpenapi().startsWith("3.1"), result.getOpenAPI().getOpenapi());
    }

    @Test
    void itListsTheApiAndNoHtmlPage() {
        var paths = document().getOpenAPI().getPaths().keySet();
        assertTrue(paths.stream().allMatch(path -> path.startsWith("/api/")), paths.toString());
        assertTrue(paths.containsAll(List.of("/api/v1/me", "/api/v1/assignments", "/api/v1/assignments/{id}/sessions",
                "/api/v1/symptoms")), paths.toString());
    }

    @Test
    void theCheckOffHasAnExampleAndTheErrorShape() {
        var openApi = document().getOpenAPI();
        var checkOff = openApi.getPaths().get("/api/v1/assignments/{id}/sessions").getPost();
        assertNotNull(checkOff.getRequestBody().getContent().get("application/json").getExamples().get("session"));
        assertEquals("#/components/schemas/Problem",
                checkOff.getResponses().get("400").getContent().get("*/*") != null
                        ? checkOff.getResponses().get("400").getContent().get("*/*").getSchema().get$ref()
                        : checkOff.getResponses().get("400").getContent().get("application/json").getSchema().get$ref());
        assertNotNull(openApi.getComponents().getSchemas().get("Problem"));
    }

    @Test
    void everyOperationSaysWhatItDoesAndWhoMayCallIt() {
        var openApi = document().getOpenAPI();
        var bearer = openApi.getComponents().getSecuritySchemes().get("bearer");
        assertEquals("bearer", bearer.getScheme());
        assertEquals("JWT", bearer.getBearerFormat());
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            assertNotNull(operation.getSummary(), path);
            assertFalse(operation.getTags() == null || operation.getTags().isEmpty(), path);
            assertEquals(1, operation.getSecurity().size(), path);
            assertTrue(operation.getSecurity().get(0).containsKey("bearer"), path);
        }));
        assertEquals(List.of("client"), openApi.getPaths().get("/api/v1/symptoms").getPost().getSecurity().get(0).get("bearer"));
    }

    @Test
    void itIsYamlUnlessJsonIsAskedFor() {
        given().get("/q/openapi").then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(containsString("openapi: 3.1"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json")).body(containsString("\"openapi\""));
    }
}
