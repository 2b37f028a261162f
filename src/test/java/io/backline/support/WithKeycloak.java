package io.backline.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the real Keycloak once for every {@code @QuarkusTest} in the suite. */
@QuarkusTestResource(KeycloakServer.class)
public final class WithKeycloak {
    private WithKeycloak() {
    }
}
