package io.backline.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/** Reads Flyway's history as the runtime role (V30 lets it read, nothing more). */
@ApplicationScoped
public class AppliedMigrationQuery {
    private final DataSource dataSource;

    AppliedMigrationQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the migration of this version ran and succeeded; false as well while the history does not exist yet. */
    public boolean applied(String version) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select exists (select 1 from flyway_schema_history where version = ? and success)")) {
            statement.setString(1, version);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            Log.debugf("Flyway's history not readable (SQL state %s)", e.getSQLState());
            return false;
        }
    }
}
