package io.backline.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the real Keycloak and the real SMTP server once for every {@code @QuarkusTest} in the suite. */
@QuarkusTestResource(KeycloakServer.class)
@QuarkusTestResource(MailServer.class)
public final class WithKeycloak {
    private WithKeycloak() {
    }
}
