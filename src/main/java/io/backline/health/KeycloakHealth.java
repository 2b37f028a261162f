package io.backline.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether Keycloak answers, for monitoring at {@code /q/health/group/dependencies}. It is deliberately not a
 * readiness check: during a Keycloak outage people already signed in keep working (tokens are verified with cached
 * keys), so taking every instance out of the load balancer would only make things worse. Readiness is the database
 * and its schema (schema/SchemaReadiness).
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class KeycloakHealth implements HealthCheck {
    private final URI discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public KeycloakHealth(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Keycloak").withData("realm", discovery.toString());
        try {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
