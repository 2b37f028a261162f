package io.backline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection as the schema's owner, the role Flyway migrates as, for the few test steps that the app's runtime role
 * may not take (docs/adr/0035): the app's own datasource signs in with data rights only.
 */
public final class DatabaseOwner {
    private DatabaseOwner() {
    }

    /** A new connection to the app's database as its owner; the caller closes it. */
    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }
}
