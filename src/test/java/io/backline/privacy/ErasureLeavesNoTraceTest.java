package io.backline.privacy;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.safety.ScreeningQuestion;
import io.backline.support.DatabaseOwner;
import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Erasure leaves nothing a client typed or was called anywhere in the database. The tables that hold a client, and
 * their text columns, are read from PostgreSQL's catalog, so a table or column added later is covered without
 * touching this test: every such column of one client's rows gets a marker, the admin erases the client, and no text
 * column of any table may still hold the marker.
 */
@QuarkusTest
class ErasureLeavesNoTraceTest {
    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");

    /** Text columns that cannot or need not hold free text, each with the reason. */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            entry("assignment.status", "CHECK: a listed status"),
            entry("assignment_event.kind", "CHECK: a listed kind"),
            entry("session_log.feeling", "a name from SessionLog.Feeling, kept for the counts"),
            entry("symptom_flag.type", "a name from the flag's type list, kept for the counts"),
            entry("symptom_flag.region", "a name from the region list, kept for the counts"),
            entry("symptom_flag.occurred", "a name from the when list, kept for the counts"),
            entry("symptom_flag.signs", "names of the red-flag signs ticked, kept for the counts"),
            entry("symptom_flag.explanation", "written by FlagRules from the categories above, never from typed text"),
            entry("symptom_flag.level", "CHECK: a listed level"),
            entry("symptom_flag.status", "CHECK: a listed status"),
            entry("symptom_flag.source", "CHECK: a listed source"),
            entry("flag_note.kind", "a name from the note kinds the app writes"),
            entry("alert_outbox.urgency", "CHECK: a listed urgency"),
            entry("referral_draft.suggested_specialty", "a name from Specialty"),
            entry("referral.urgency", "CHECK: a listed urgency"),
            entry("referral.status", "CHECK: a listed status"),
            entry("referral.resume_answer", "CHECK: a listed answer"),
            entry("referral.link_nonce", "random bytes the app made; kept so the dead link tells the provider it ended"),
            entry("referral_event.status", "a name from Referral.Status"),
            entry("referral_event.actor_kind", "CHECK: a listed kind"),
            entry("referral_consent.given_by", "CHECK: a listed party"),
            entry("referral_consent.method", "one of the consent methods the form lists"),
            entry("referral_mail.kind", "CHECK: a listed kind"),
            entry("reminder_outbox.kind", "CHECK: a listed kind"),
            entry("notification.kind", "CHECK: a listed kind"),
            entry("referral_reply.resume_answer", "CHECK: a listed answer"),
            entry("clearance.professional_role", "a name from the professional roles"),
            entry("invitation.role", "CHECK: a listed role"),
            entry("invitation.status", "CHECK: a listed status"),
            entry("client.language", "CHECK: 'en' or 'es'"));

    /**
     * Tables that hold a client but are not filled: the audit trail, chained or waiting to be (docs/adr/0047), refuses
     * every change (its rows are searched).
     */
    private static final Set<String> NOT_FILLED = Set.of("audit_event", "audit_view_pending");

    /** Text-like types: character types, JSON, and arrays of character types. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "json", "jsonb", "_text", "_varchar",
            "_bpchar");

    private record Column(String table, String name, String type) {
        String key() {
            return table + "." + name;
        }
    }

    private record ForeignKey(String child, String column, String parent, String parentColumn) {
    }

    @Test
    void noTextOfTheClientIsLeftAnywhereAndTheirAccountIsGone() throws SQLException {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String username = "erase-" + marker;
        String email = username + "@test.example";
        UUID client = clientWithAccount(username, email, List.of("rose-city"));
        String userId = KeycloakAdmin.userIdByEmail(email);
        historyTypedThroughTheApp(client, username, marker);
        rowsOfEveryOtherKind(client, userId);

        Map<String, Integer> filled = fillEveryTextColumn(client, marker);
        List<String> empty = filled.entrySet().stream().filter(table -> table.getValue() == 0).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), empty, "tables that hold a client but got no row in this test: add one to the fixture");
        assertTrue(filled.containsKey("referral_event") && filled.containsKey("flag_note") && filled.containsKey("invitation"),
                "rows reached through the client's other rows are covered: " + filled.keySet());
        assertTrue(!leftovers(marker).isEmpty(), "the marker is in the database before erasure");

        erase(client, marker);

        assertEquals(List.of(), leftovers(marker), "columns still holding the client's text after erasure");
        assertNull(KeycloakAdmin.userIdByEmail(email), "the account of a client of no other clinic is deleted");
        assertEquals(1, TestData.count("select count(*) from session_log where client_id = ?::uuid", client.toString()),
                "the session stays for the counts");
        assertEquals(1, TestData.count("select count(*) from symptom_flag where client_id = ?::uuid", client.toString()),
                "the flag stays for the counts");
    }

    @Test
    void anAccountAnotherClinicUsesStaysWithThatClinicOnly() throws SQLException {
        String username = "erase-two-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@test.example";
        UUID client = clientWithAccount(username, email, List.of("rose-city", "cedar-hills"));
        String userId = KeycloakAdmin.userIdByEmail(email);

        erase(client, TestData.string("select full_name from client where id = ?::uuid", client.toString()));

        assertEquals("Erased client", TestData.string("select full_name from client where id = ?::uuid", client.toString()));
        assertNotNull(KeycloakAdmin.userIdByEmail(email), "the account stays for the other clinic");
        assertEquals(List.of("cedar-hills"), KeycloakAdmin.clinicsOf(userId), "only the Rose City membership went");
    }

    /** A Rose City client with a Keycloak account of their own, who has answered the pre-exercise questions. */
    private static UUID clientWithAccount(String username, String email, List<String> clinics) {
        String userId = KeycloakAdmin.createUser(username, email, List.of("client"), clinics);
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Erin Erasable");
        TestData.sql("update client set user_id = ?::uuid, screened_at = now() where id = ?::uuid", userId, client.toString());
        return client;
    }

    /** What the trainer and the client type through the app's own forms: the marker, wherever there is a box for text. */
    private static void historyTypedThroughTheApp(UUID client, String username, String marker) {
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        trainer.submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "1", "sessionsPerWeek", "3",
                "startDate", today.minusDays(10).toString(), "endDate", "", "notes", marker)).then().statusCode(303);
        String assignment = TestData.string("select id from assignment where client_id = ?::uuid", client.toString());

        var me = SignIn.as(username);
        me.submit("/today", "/today/sessions", Map.of("performedOn", today.toString(), "hold", "60", "discomfort", "2",
                "feeling", "GOOD", "note", marker)).then().statusCode(303);

        Map<String, Object> flag = new HashMap<>(Map.of("type", "INCREASED_PAIN", "severity", "3", "region",
                "MIDDLE_THORACIC", "when", "DURING", "description", marker));
        trainer.submit("/flags/record/" + client, "/flags/record/" + client, flag).then().statusCode(303);
        String flagId = TestData.string("select id from symptom_flag where client_id = ?::uuid", client.toString());
        trainer.submit("/flags/" + flagId, "/flags/" + flagId + "/note", Map.of("note", marker)).then().statusCode(303);

        me.submit("/today/messages", "/today/messages", Map.of("body", marker)).then().statusCode(303);
        trainer.submit(page + "/messages", page + "/messages", Map.of("body", marker)).then().statusCode(303);
        trainer.submit("/flags/" + flagId, "/flags/" + flagId + "/note", Map.of("note", marker, "share", "true"))
                .then().statusCode(303);
        String safety = page + "/safety";
        Map<String, Object> answers = new HashMap<>();
        for (var question : ScreeningQuestion.values()) {
            answers.put(question.name(), question == ScreeningQuestion.HYPERMOBILITY ? "yes" : "no");
        }
        trainer.submit(safety + "/screening", safety + "/screening", answers).then().statusCode(303);
        trainer.submit(safety, safety + "/clearances", Map.of("professionalName", marker, "professionalRole",
                "PHYSICAL_THERAPIST", "clearedOn", today.toString(), "note", marker)).then().statusCode(303);
        String end = page + "/assignments/" + assignment + "/end";
        trainer.submit(page, end, Map.of("reason", marker)).then().statusCode(303);
    }

    /** The rows no form of this test's reach writes: a referral with its whole history and outboxes, an invitation. */
    private static void rowsOfEveryOtherKind(UUID client, String userId) {
        String id = client.toString();
        String flag = TestData.string("select id from symptom_flag where client_id = ?::uuid", id);
        String staff = TestData.string("select id from staff_member where clinic_id = 'rose-city' and role = 'trainer' limit 1");
        String referral = UUID.randomUUID().toString();
        TestData.sql("""
                insert into referral (id, clinic_id, client_id, provider_id, created_by, reason, urgency, status,
                    link_nonce, request_key)
                values (?::uuid, 'rose-city', ?::uuid, '28125ae7-65b8-5a2f-a4d8-38abe064bba1', ?::uuid, 'x', 'SOON',
                    'DECLINED', 'nonce', gen_random_uuid())""", referral, id, staff);
        TestData.sql("insert into referral_flag (referral_id, flag_id, clinic_id) values (?::uuid, ?::uuid, 'rose-city')",
                referral, flag);
        TestData.sql("""
                insert into referral_event (id, clinic_id, referral_id, status, actor_name, actor_kind, note)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'DECLINED', 'x', 'PROVIDER', 'x')""", referral);
        TestData.sql("""
                insert into referral_consent (id, clinic_id, referral_id, client_id, given_by, method, recorded_by, given_at,
                    revoked_at, revoked_by)
                values (gen_random_uuid(), 'rose-city', ?::uuid, ?::uuid, 'CLIENT', 'In the app', 'x', now(), now(), 'x')""",
                referral, id);
        TestData.sql("""
                insert into referral_snapshot (referral_id, clinic_id, client_name, packet, taken_at)
                values (?::uuid, 'rose-city', 'x', '{}', now())""", referral);
        TestData.sql("""
                insert into referral_reply (id, clinic_id, referral_id, provider_name, findings, recommendations)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'x', 'x', 'x')""", referral);
        TestData.sql("""
                insert into referral_mail (id, clinic_id, referral_id, kind, recipient_email, subject, body, last_error,
                    sent_at) values (gen_random_uuid(), 'rose-city', ?::uuid, 'PROVIDER', 'x', 'x', 'x', 'x', now())""",
                referral);
        TestData.sql("""
                insert into referral_draft (id, clinic_id, client_id, flag_id, suggested_specialty, reason, created_by)
                values (gen_random_uuid(), 'rose-city', ?::uuid, ?::uuid, 'PHYSICAL_THERAPIST', 'x', ?::uuid)""",
                id, flag, staff);
        TestData.sql("""
                insert into calendar_feed (id, clinic_id, client_id, token_hash)
                values (gen_random_uuid(), 'rose-city', ?::uuid, md5(?))""", id, id);
        TestData.sql("""
                insert into reminder_settings (client_id, clinic_id, days, remind_at)
                values (?::uuid, 'rose-city', 'MONDAY', '18:00')""", id);
        TestData.sql("""
                insert into reminder_outbox (id, clinic_id, client_id, kind, due_on, recipient_email, last_error, sent_at)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'SESSION', current_date, 'x', 'x', now())""", id);
        TestData.sql("""
                insert into notification (id, clinic_id, client_id, kind, subject_id)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'REPORT_ANSWERED', ?::uuid)""", id, flag);
        TestData.sql("""
                insert into notification_mail (id, clinic_id, client_id, recipient_email, last_error, sent_at)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'x', 'x', now())""", id);
        TestData.sql("insert into notification_mail_off (clinic_id, client_id) values ('rose-city', ?::uuid)", id);
        TestData.sql("""
                insert into alert_outbox (id, clinic_id, flag_id, recipient_email, urgency, last_error, sent_at)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'x', 'NORMAL', 'x', now())""", flag);
        TestData.sql("""
                insert into invitation (id, clinic_id, email, full_name, role, user_id, person_id, new_account, status,
                    invited_by, invited_by_name, request_key)
                values (gen_random_uuid(), 'rose-city', 'x', 'x', 'client', ?::uuid, ?::uuid, true, 'accepted', ?::uuid,
                    'x', gen_random_uuid())""", userId, id, staff);
    }

    private static void erase(UUID client, String fullName) {
        var admin = SignIn.as("rose-admin");
        String page = "/clients/" + client + "/records/erase";
        admin.submit(page, page, Map.of("confirmName", fullName)).then().statusCode(303);
        assertNotNull(TestData.string("select erased_at from client where id = ?::uuid", client.toString()));
    }

    /**
     * Writes the marker into every text column of every row that holds the client: the client's own row, rows with
     * the client's id, rows reached from those through foreign keys, and their invitations. Returns the rows changed
     * per table.
     */
    private static Map<String, Integer> fillEveryTextColumn(UUID client, String marker) throws SQLException {
        try (Connection db = DatabaseOwner.connect()) {
            Map<String, List<Column>> columns = textColumns(db);
            Map<String, List<String>> where = rowsOfTheClient(db, client);
            Set<String> foreignKeyColumns = foreignKeyColumns(db);
            for (var exempt : EXEMPT.entrySet()) {
                String[] name = exempt.getKey().split("\\.");
                assertTrue(columns.getOrDefault(name[0], List.of()).stream().anyMatch(column -> column.name().equals(name[1])),
                        exempt.getKey() + " is exempt (" + exempt.getValue() + ") but is no text column any more");
            }
            Map<String, Integer> filled = new TreeMap<>();
            for (var table : where.entrySet()) {
                if (NOT_FILLED.contains(table.getKey())) {
                    continue;
                }
                List<Column> fill = columns.getOrDefault(table.getKey(), List.of()).stream()
                        .filter(column -> !EXEMPT.containsKey(column.key()) && !foreignKeyColumns.contains(column.key()))
                        .toList();
                if (fill.isEmpty()) {
                    continue;
                }
                List<String> sets = fill.stream().map(column -> "\"" + column.name() + "\" = " + switch (column.type()) {
                    case "json", "jsonb" -> "to_json(?::text)::" + column.type();
                    case "_text", "_varchar", "_bpchar" -> "array[?::text]";
                    default -> "?";
                }).toList();
                String update = "update \"" + table.getKey() + "\" set " + String.join(", ", sets) + " where "
                        + String.join(" or ", table.getValue());
                try (PreparedStatement statement = db.prepareStatement(update)) {
                    for (int i = 1; i <= fill.size(); i++) {
                        statement.setString(i, marker);
                    }
                    filled.put(table.getKey(), statement.executeUpdate());
                }
            }
            return filled;
        }
    }

    /** Every column of every table in the public schema that still holds the marker, with how many rows. */
    private static List<String> leftovers(String marker) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = DatabaseOwner.connect()) {
            for (var table : textColumns(db).entrySet()) {
                for (Column column : table.getValue()) {
                    String query = "select count(*) from \"" + column.table() + "\" where \"" + column.name()
                            + "\"::text like ?";
                    try (PreparedStatement statement = db.prepareStatement(query)) {
                        statement.setString(1, "%" + marker + "%");
                        try (ResultSet rows = statement.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(column.key() + " (" + rows.getLong(1) + ")");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The text columns of the public schema's tables (not views, not generated), by table. */
    private static Map<String, List<Column>> textColumns(Connection db) throws SQLException {
        Map<String, List<Column>> columns = new TreeMap<>();
        try (PreparedStatement statement = db.prepareStatement("""
                select c.table_name, c.column_name, c.udt_name
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
                order by c.table_name, c.ordinal_position""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (TEXT_TYPES.contains(rows.getString(3))) {
                    columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                            .add(new Column(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return columns;
    }

    /** Single-column foreign keys of the public schema, from pg_constraint. */
    private static List<ForeignKey> foreignKeys(Connection db) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("""
                select child.relname, child_column.attname, parent.relname, parent_column.attname
                from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_namespace n on n.oid = child.relnamespace
                join pg_class parent on parent.oid = k.confrelid
                join pg_attribute child_column on child_column.attrelid = k.conrelid and child_column.attnum = k.conkey[1]
                join pg_attribute parent_column on parent_column.attrelid = k.confrelid and parent_column.attnum = k.confkey[1]
                where k.contype = 'f' and n.nspname = 'public' and cardinality(k.conkey) = 1""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return keys;
    }

    private static Set<String> foreignKeyColumns(Connection db) throws SQLException {
        Set<String> columns = new TreeSet<>();
        foreignKeys(db).forEach(key -> columns.add(key.child() + "." + key.column()));
        return columns;
    }

    /**
     * For each table that holds the client, the conditions (any of which) that select the client's rows: the client's
     * own row; rows with a client_id; invitations naming the client as the person; and, repeatedly, rows whose
     * foreign key points at a row already selected.
     */
    private static Map<String, List<String>> rowsOfTheClient(Connection db, UUID client) throws SQLException {
        String id = "'" + client + "'::uuid";
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.computeIfAbsent("client", table -> new ArrayList<>()).add("id = " + id);
        try (PreparedStatement statement = db.prepareStatement("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = 'client_id'""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                where.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add("client_id = " + id);
            }
        }
        // An invitation names its person by id without a foreign key (the person may be staff or a client).
        where.computeIfAbsent("invitation", table -> new ArrayList<>()).add("person_id = " + id);
        List<ForeignKey> keys = foreignKeys(db);
        for (boolean grew = true; grew;) {
            grew = false;
            for (ForeignKey key : keys) {
                if (where.containsKey(key.parent()) && !NOT_FILLED.contains(key.parent()) && !where.containsKey(key.child())) {
                    where.put(key.child(), new ArrayList<>());
                    grew = true;
                }
            }
        }
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        for (String table : where.keySet()) {
            conditions.put(table, conditions(table, where, keys, new java.util.HashSet<>()));
        }
        return conditions;
    }

    /** A table's own conditions, and one per foreign key into another table that holds the client. */
    private static List<String> conditions(String table, Map<String, List<String>> own, List<ForeignKey> keys,
            Set<String> visiting) {
        visiting.add(table);
        List<String> conditions = new ArrayList<>(own.get(table));
        for (ForeignKey key : keys) {
            if (key.child().equals(table) && own.containsKey(key.parent()) && !NOT_FILLED.contains(key.parent())
                    && !visiting.contains(key.parent())) {
                List<String> parent = conditions(key.parent(), own, keys, visiting);
                conditions.add("\"" + key.column() + "\" in (select \"" + key.parentColumn() + "\" from \"" + key.parent()
                        + "\" where " + String.join(" or ", parent) + ")");
            }
        }
        visiting.remove(table);
        return conditions;
    }
}
