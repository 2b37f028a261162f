package io.backline.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidationException.Problem;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Checks {@link ProductionSecrets} while Quarkus builds the configuration, so a weak secret stops the start before
 * Flyway or OIDC run (docs/adr/0037). Plain code rather than Bean Validation on the mapping: a constraint on any
 * config mapping makes Quarkus build a validator for every mapping of every extension at each start (docs/adr/0052).
 */
public class ProductionSecretsCheck implements SmallRyeConfigBuilderCustomizer, ConfigValidator {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(this);
    }

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mappingObject) {
        if (!(mappingObject instanceof BacklineConfig config)) {
            return;
        }
        ProductionSecrets secrets = config.secrets();
        List<Problem> problems = new ArrayList<>();
        atLeast(problems, secrets.oidcClient(), "BACKLINE_OIDC_CLIENT_SECRET must be at least 32 bytes long");
        atLeast(problems, secrets.keycloakAdmin(), "BACKLINE_KEYCLOAK_ADMIN_SECRET must be at least 32 bytes long");
        atLeast(problems, secrets.session(),
                "BACKLINE_SESSION_SECRET must be at least 32 bytes long (openssl rand -hex 32)");
        atLeast(problems, secrets.state(), "BACKLINE_STATE_SECRET must be at least 32 bytes long (openssl rand -hex 32)");
        atLeast(problems, secrets.database(), "BACKLINE_DB_PASSWORD must be at least 32 bytes long");
        if (secrets.migrates()) {
            atLeast(problems, secrets.databaseOwner().orElse(""), "BACKLINE_DB_OWNER_PASSWORD must be at least 32 bytes long");
        }
        atLeast(problems, secrets.unsubscribe(),
                "BACKLINE_UNSUBSCRIBE_SECRET must be at least 32 bytes long (openssl rand -hex 32)");
        // One leaked cookie key must not open the other cookie too.
        if (secrets.session().equals(secrets.state())) {
            problems.add(new Problem("BACKLINE_STATE_SECRET must differ from BACKLINE_SESSION_SECRET"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.toArray(Problem[]::new));
        }
    }

    private static void atLeast(List<Problem> problems, String secret, String sentence) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < ProductionSecrets.MIN_LENGTH) {
            problems.add(new Problem(sentence));
        }
    }
}
