package io.backline.config;

import java.util.Optional;

/**
 * The secrets production must set ({@code backline.secrets.*}), checked as the app starts, before it touches the
 * database: a missing variable stops it with the variable's name (its expansion fails), a short or shared one with a
 * sentence from {@link ProductionSecretsCheck}. Dev mode and tests pass the same checks with the development secrets in
 * application.properties.
 */
public interface ProductionSecrets {
    int MIN_LENGTH = 32;

    String oidcClient();

    String keycloakAdmin();

    String session();

    String state();

    String database();

    /** Empty in an instance that does not migrate (see {@link #migrates()}). */
    Optional<String> databaseOwner();

    /** Whether this process migrates (Flyway active): only then it signs in as the owner and needs that password. */
    boolean migrates();

    String unsubscribe();
}
