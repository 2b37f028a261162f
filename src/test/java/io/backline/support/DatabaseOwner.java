package io.backline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.security.SimplePassword;
import io.quarkus.arc.Arc;

/**
 * A plain JDBC connection to the test database, outside the app's pool, with the app datasource's own address and
 * credentials (read from the running Agroal datasource, so whatever the embedded PostgreSQL was given).
 */
public final class DatabaseOwner {
    private DatabaseOwner() {
    }

    public static Connection connect() throws SQLException {
        var factory = Arc.container().instance(AgroalDataSource.class).get().getConfiguration()
                .connectionPoolConfiguration().connectionFactoryConfiguration();
        Properties properties = new Properties();
        if (factory.principal() != null) {
            properties.setProperty("user", factory.principal().getName());
        }
        for (Object credential : factory.credentials()) {
            if (credential instanceof SimplePassword password) {
                properties.setProperty("password", password.getWord());
            }
        }
        return DriverManager.getConnection(factory.jdbcUrl(), properties);
    }
}
