package io.backline.schema;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An instance takes requests only once the database has the schema its code was written for. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {
    private final SchemaVersion schema;

    SchemaReadiness(SchemaVersion schema) {
        this.schema = schema;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database schema").status(schema.current())
                .withData("expected migration", schema.expected()).build();
    }
}
