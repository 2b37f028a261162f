package io.backline.security;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import io.backline.support.Demo;
import io.backline.support.TestData;

/**
 * One record of every kind a route's path names, made with plain SQL for a clinic and a client of its own on a
 * trainer's care team (not a demo client, so that no other test sees them). Closed states (resolved, cancelled, revoked, ended, done) keep them
 * out of every queue and count.
 */
final class RouteFixtures {
    enum Kind { CLIENT, STAFF, ASSIGNMENT, FLAG, DRAFT, REFERRAL, INVITATION, PROVIDER, IMPORT, PROGRAM, VERSION, FEED,
        UNSUBSCRIBE, NOTIFICATION, LOAD }

    private RouteFixtures() {
    }

    /** The records of one clinic; {@code staffUsername} is a trainer of that clinic. */
    static Map<Kind, String> makeFor(String clinicId, String staffUsername) {
        Map<Kind, String> ids = new EnumMap<>(Kind.class);
        String staff = Demo.staffId(staffUsername).toString();
        String client = TestData.clientOnCareTeam(clinicId, staffUsername, "Route Fixture").toString();
        ids.put(Kind.CLIENT, client);
        ids.put(Kind.STAFF, staff);
        // An unsubscribe link's token: the matrix checks that a made-up one opens nothing.
        ids.put(Kind.UNSUBSCRIBE, "not-a-signed-token");
        // A clinic's own copy of the built-in program: the built-in one cannot be edited.
        String builtIn = TestData.string("select id from program_version where clinic_id = ? order by created_at limit 1", clinicId);
        String program = UUID.randomUUID().toString();
        TestData.sql("insert into program (id, clinic_id) values (?::uuid, ?)", program, clinicId);
        String version = insert("""
                insert into program_version (id, clinic_id, program_id, version, title, summary, purpose, region_rule,
                    steps, cues, hold_guidance, stop_rule, when_to_see_professional, disclaimer, level_names,
                    level_hints, min_hold_seconds, max_hold_seconds)
                select ?::uuid, clinic_id, ?::uuid, 1, 'Route fixture copy', summary, purpose, region_rule, steps, cues,
                    hold_guidance, stop_rule, when_to_see_professional, disclaimer, level_names, level_hints,
                    min_hold_seconds, max_hold_seconds
                from program_version where id = ?::uuid""", program, builtIn);
        ids.put(Kind.PROGRAM, program);
        ids.put(Kind.VERSION, version);
        ids.put(Kind.ASSIGNMENT, TestData.assignBuiltInProgram(clinicId, UUID.fromString(client), staffUsername,
                LocalDate.now(), 3).toString());
        String flag = insert("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, reported_by_staff, request_key, source, resolved_at, resolved_by)
                values (?::uuid, ?, ?::uuid, 'INCREASED_PAIN', 2, 'MIDDLE_THORACIC', 'AFTER', 'GREEN', 'Route fixture',
                    'RESOLVED', ?::uuid, true, gen_random_uuid(), 'STAFF', now(), ?::uuid)""",
                clinicId, client, staff, staff);
        ids.put(Kind.FLAG, flag);
        ids.put(Kind.DRAFT, insert("""
                insert into referral_draft (id, clinic_id, client_id, flag_id, suggested_specialty, reason, created_by)
                values (?::uuid, ?, ?::uuid, ?::uuid, 'PHYSICAL_THERAPIST', 'Route fixture', ?::uuid)""",
                clinicId, client, flag, staff));
        String provider = insert("""
                insert into provider (id, owner_clinic_id, full_name, specialty, address, city, postal_code, latitude,
                    longitude, demo)
                values (?::uuid, ?, 'Route Fixture Clinic (fictional)', 'PHYSICAL_THERAPIST', '1 Fixture Way',
                    'Portland', '97205', 45.52, -122.68, true)""", clinicId);
        ids.put(Kind.PROVIDER, provider);
        ids.put(Kind.REFERRAL, insert("""
                insert into referral (id, clinic_id, client_id, provider_id, created_by, reason, urgency, status,
                    request_key)
                values (?::uuid, ?, ?::uuid, ?::uuid, ?::uuid, 'Route fixture', 'ROUTINE', 'CANCELLED',
                    gen_random_uuid())""", clinicId, client, provider, staff));
        ids.put(Kind.INVITATION, insert("""
                insert into invitation (id, clinic_id, email, full_name, role, user_id, person_id, new_account, status,
                    invited_by, invited_by_name, request_key)
                values (?::uuid, ?, 'route-fixture@example.org', 'Route Fixture', 'client', gen_random_uuid(),
                    ?::uuid, false, 'revoked', ?::uuid, 'Route Fixture', gen_random_uuid())""",
                clinicId, client, staff));
        ids.put(Kind.IMPORT, insert("""
                insert into provider_import (id, clinic_id, file_name, status, created_by, finished_at)
                values (?::uuid, ?, 'route-fixture.csv', 'DONE', ?::uuid, now())""", clinicId, staff));
        // An operator's load of the shared directory: it belongs to no clinic.
        ids.put(Kind.LOAD, insert("""
                insert into shared_directory_load (id, file_name, loaded_by, loaded_by_name, imported_rows, refused_rows)
                values (?::uuid, 'route-fixture.csv', ?::uuid, 'Route Fixture', 0, 0)""", staff));
        // A calendar address that was revoked: its secret answers 404 like any unknown one.
        String feedToken = UUID.randomUUID().toString().replace("-", "") + "0123456789a";
        TestData.sql("""
                insert into calendar_feed (id, clinic_id, client_id, token_hash, revoked_at)
                values (gen_random_uuid(), ?, ?::uuid, encode(sha256(convert_to(?, 'UTF8')), 'hex'), now())""",
                clinicId, client, feedToken);
        ids.put(Kind.FEED, feedToken);
        // Already read, so no menu count changes.
        ids.put(Kind.NOTIFICATION, insert("""
                insert into notification (id, clinic_id, client_id, kind, read_at)
                values (?::uuid, ?, ?::uuid, 'PROGRAM_CHANGED', now())""", clinicId, client));
        return ids;
    }

    private static String insert(String sql, Object... values) {
        String id = UUID.randomUUID().toString();
        Object[] all = new Object[values.length + 1];
        all[0] = id;
        System.arraycopy(values, 0, all, 1, values.length);
        TestData.sql(sql, all);
        return id;
    }
}
