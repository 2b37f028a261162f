package io.backline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.AuditRows;
import io.backline.support.DatabaseOwner;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each clinic's entries are chained by their hashes: whoever changes or removes one behind the application's back
 * (here the database's owner, with the append-only trigger switched off) is found out on the admin's audit page.
 */
@QuarkusTest
class AuditChainTest {

    private static String verdict(SignIn.Session admin) {
        return Jsoup.parse(admin.request().get("/audit").then().statusCode(200).extract().asString())
                .select("[data-testid=audit-chain]").text();
    }

    /** Runs statements as the owner with every user trigger on the table off, as someone tampering would. */
    private static void asOwnerWithoutTriggers(String sql, String id) throws SQLException {
        try (Connection owner = DatabaseOwner.connect(); Statement alter = owner.createStatement()) {
            owner.setAutoCommit(false);
            alter.execute("alter table audit_event disable trigger user");
            try (PreparedStatement statement = owner.prepareStatement(sql)) {
                statement.setString(1, id);
                statement.executeUpdate();
            }
            alter.execute("alter table audit_event enable trigger user");
            owner.commit();
        }
    }

    /** The copy kept to put removed rows back is the owner's too: the application's role may not create tables. */
    private static void asOwner(String sql, String id) throws SQLException {
        try (Connection owner = DatabaseOwner.connect(); PreparedStatement statement = owner.prepareStatement(sql)) {
            if (id != null) {
                statement.setString(1, id);
            }
            statement.execute();
        }
    }

    @Test
    void aChangedEntryIsFoundAndNamedByItsDate() throws SQLException {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Chain Changed");
        var trainer = SignIn.as("rose-trainer");
        trainer.request().get("/clients/" + client).then().statusCode(200);
        trainer.request().get("/clients/" + client).then().statusCode(200);
        var admin = SignIn.as("rose-admin");
        AuditRows.awaitChained("rose-city");
        String intact = verdict(admin);
        assertTrue(intact.matches("All \\d+ entries check out.*"), intact);

        String first = TestData.string("select id::text from audit_event where client_id = ?::uuid order by seq limit 1",
                client.toString());
        asOwnerWithoutTriggers("update audit_event set detail = 'nothing to see' where id = ?::uuid", first);
        try {
            String broken = verdict(admin);
            assertTrue(broken.startsWith("The trail is broken: the entry of ") && broken.endsWith("was changed after it was written."),
                    broken);
        } finally {
            asOwnerWithoutTriggers("update audit_event set detail = null where id = ?::uuid", first);
        }
        assertEquals(intact.replaceAll("\\d+", "N"), verdict(admin).replaceAll("\\d+", "N"), "put back, it checks out again");
    }

    @Test
    void aRemovedEntryAndRemovedNewestEntriesAreFound() throws SQLException {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Chain Removed");
        var trainer = SignIn.as("rose-trainer");
        var admin = SignIn.as("rose-admin");
        trainer.request().get("/clients/" + client).then().statusCode(200);
        trainer.request().get("/clients/" + client).then().statusCode(200);
        AuditRows.awaitChained("rose-city");
        assertTrue(verdict(admin).startsWith("All "), verdict(admin));

        String first = TestData.string("select id::text from audit_event where client_id = ?::uuid order by seq limit 1",
                client.toString());
        String last = TestData.string("select id::text from audit_event where client_id = ?::uuid order by seq desc limit 1",
                client.toString());
        // DDL takes no parameters; the id is a UUID the test made.
        asOwner("create table audit_event_kept as select * from audit_event where client_id = '" + client + "'", null);
        try {
            asOwnerWithoutTriggers("delete from audit_event where id = ?::uuid", first);
            String middle = verdict(admin);
            assertTrue(middle.startsWith("The trail is broken: an entry written before the one of ") && middle.endsWith("was removed after it was written."), middle);
            asOwnerWithoutTriggers("insert into audit_event select * from audit_event_kept where id = ?::uuid", first);
            assertTrue(verdict(admin).startsWith("All "), verdict(admin));

            asOwnerWithoutTriggers("delete from audit_event where id = ?::uuid", last);
            String newest = verdict(admin);
            assertTrue(newest.startsWith("The trail is broken: entries written after the one of ") && newest.endsWith("were removed."), newest);
            asOwnerWithoutTriggers("insert into audit_event select * from audit_event_kept where id = ?::uuid", last);
        } finally {
            asOwner("drop table audit_event_kept", null);
        }
        assertTrue(verdict(admin).startsWith("All "), verdict(admin));
    }

    @Test
    void lookingAtTheSameClinicAtOnceNeverForksTheChain() {
        UUID client = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Chain Concurrent");
        var trainer = SignIn.as("cedar-trainer");
        IntStream.range(0, 16).parallel().forEach(i -> trainer.request().get("/clients/" + client).then().statusCode(200));
        AuditRows.awaitChained("cedar-hills");
        assertEquals(16, TestData.count("select count(*) from audit_event where client_id = ?::uuid", client.toString()));
        assertEquals(0, TestData.count("""
                select count(*) from (select seq from audit_event where clinic_id = 'cedar-hills' group by seq
                having count(*) > 1) forks"""));
        assertTrue(verdict(SignIn.as("cedar-admin")).startsWith("All "));
    }
}
