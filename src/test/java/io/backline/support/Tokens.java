package io.backline.support;

import static io.restassured.RestAssured.given;

/** Real access tokens from Keycloak for the JSON API tests (the dev realm's public CLI client). */
public final class Tokens {
    private static final String TOKEN_URL = "http://localhost:8180/realms/backline/protocol/openid-connect/token";

    private Tokens() {
    }

    public static String accessToken(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "backline-cli")
                .formParam("username", username).formParam("password", Demo.PASSWORD)
                .formParam("scope", "openid organization")
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }
}
