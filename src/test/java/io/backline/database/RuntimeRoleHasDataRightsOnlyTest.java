package io.backline.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.backline.support.AuditRows;
import io.backline.support.DatabaseOwner;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The app signs in to PostgreSQL as a role that may read and write rows, and nothing more (docs/adr/0035): audit rows
 * are refused to it by grants, not only by their trigger, and it can neither change the schema nor undo the trigger.
 * The statements go through the app's own datasource, but for the owner's, which the trigger still refuses.
 */
@QuarkusTest
class RuntimeRoleHasDataRightsOnlyTest {
    private static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @ParameterizedTest
    @ValueSource(strings = {
            "update audit_event set actor_name = 'nobody' where client_id = '%s'",
            "delete from audit_event where client_id = '%s'",
            "truncate audit_event",
            "drop trigger audit_event_append_only on audit_event",
            "drop function audit_event_is_append_only() cascade",
            "alter table audit_event disable trigger audit_event_append_only",
            "alter table audit_event add column rewritten boolean",
            "update audit_view_pending set actor_name = 'nobody' where client_id = '%s'",
            "delete from audit_view_pending where client_id = '%s'",
            "truncate audit_view_pending",
            "drop function audit_chain_pending(varchar, integer)",
            "create table rewritten_audit (id uuid)" })
    void auditRowsCannotBeRewrittenNorTheirGuardsRemoved(String statement) throws SQLException {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Guarded");
        SignIn.as("rose-trainer").request().get("/clients/" + client).then().statusCode(200);

        SQLException refused = assertThrows(SQLException.class, () -> execute(statement.formatted(client)));
        assertEquals(PERMISSION_DENIED, refused.getSQLState(), refused.getMessage());
        assertEquals(1, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and actor_name = 'Jonas Reyes'",
                client.toString()));
    }

    @Test
    void theTriggerStillRefusesTheOwner() throws SQLException {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Owner");
        SignIn.as("rose-trainer").request().get("/clients/" + client).then().statusCode(200);
        AuditRows.awaitChained("rose-city");
        try (Connection owner = DatabaseOwner.connect(); var statement = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("delete from audit_event where client_id = '" + client + "'"));
            assertNotEquals(PERMISSION_DENIED, refused.getSQLState(), "the owner has the right; the trigger says no");
        }
        assertEquals(1, TestData.count("select count(*) from audit_event where client_id = ?::uuid", client.toString()));
    }

    @Test
    void theAppsRoleIsNoSuperuserAndOwnsNothing() {
        String role = TestData.string("select current_user");
        assertNotEquals(owner, role, "the app signs in as another role than the one that migrates");
        assertEquals(1, TestData.count("""
                select count(*) from pg_roles where rolname = current_user
                and not (rolsuper or rolcreaterole or rolcreatedb or rolbypassrls or rolreplication)"""));
        assertEquals(0, TestData.count("select count(*) from pg_tables where tableowner = current_user"));
        assertEquals(0, TestData.count("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)"));
        assertEquals(0, TestData.count("select count(*) from pg_namespace where nspowner = (select oid from pg_roles where rolname = current_user)"));
    }

    @Test
    void everyTableButTheAuditTrailsAndFlywaysHistoryIsReadAndWrittenByTheApp() {
        // A table a later migration creates as another role than the owner would miss the default grants.
        List<String> wrong = new ArrayList<>();
        String tables = TestData.string("""
                select string_agg(tablename || ':' || has_table_privilege(current_user, 'public.' || tablename, 'select')
                    || has_table_privilege(current_user, 'public.' || tablename, 'insert')
                    || has_table_privilege(current_user, 'public.' || tablename, 'update')
                    || has_table_privilege(current_user, 'public.' || tablename, 'delete')
                    || has_table_privilege(current_user, 'public.' || tablename, 'truncate'), ',' order by tablename)
                from pg_tables where schemaname = 'public'""");
        for (String table : tables.split(",")) {
            String name = table.substring(0, table.indexOf(':'));
            String rights = table.substring(table.indexOf(':') + 1);
            String expected = switch (name) {
                case "audit_event", "audit_view_pending" -> "truetruefalsefalsefalse";
                // Instances read the migration history to know whether the schema is their build's (docs/adr/0060).
                case "audit_chain_head", "flyway_schema_history" -> "truefalsefalsefalsefalse";
                default -> "truetruetruetruefalse";
            };
            if (!expected.equals(rights)) {
                wrong.add(name + " " + rights);
            }
        }
        assertTrue(wrong.isEmpty(), "select, insert, update, delete, truncate: " + wrong);
        assertTrue(tables.contains("audit_event:") && tables.contains("client:"), tables);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
