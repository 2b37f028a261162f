package io.backline.reminder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.TestClock;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A benchmark, not a test: `./mvnw test -Dtest=ReminderSenderBenchmark` (the suite never runs it). It gives 2,000
 * clients of one clinic an active program and reminders at the same minute, moves the clock to that minute, and
 * measures until the last reminder was accepted by the SMTP server (GreenMail, in the test JVM). The figure goes to
 * stdout and to target/benchmarks/reminders.md.
 */
@QuarkusTest
class ReminderSenderBenchmark {
    private static final int CLIENTS = 2000;

    @Test
    void measure() throws Exception {
        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = 'rose-city'"));
        LocalDate today = LocalDate.now(zone);
        ZonedDateTime minute = today.atTime(LocalTime.of(4, 0)).atZone(zone);
        TestClock.set(minute.minusMinutes(1).toInstant());
        TestData.sql("""
                with c as (
                    insert into client (id, clinic_id, full_name, email)
                    select gen_random_uuid(), 'rose-city', 'Bench Reminder ' || n, 'bench-reminder-' || n || '@bench.example'
                    from generate_series(1, ?) as n returning id),
                a as (
                    insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key, created_by)
                    select gen_random_uuid(), 'rose-city', c.id, v.program_id, v.id, 'ACTIVE', gen_random_uuid(), ?::uuid
                    from c, program_version v join program p on p.id = v.program_id
                    where p.clinic_id = 'rose-city' and p.built_in_key is not null returning id, client_id),
                p as (
                    insert into prescription (id, clinic_id, assignment_id, version, hold_seconds, levels, sessions_per_week,
                        start_date, created_by)
                    select gen_random_uuid(), 'rose-city', a.id, 1, 60, 3, 3, ?, ?::uuid from a returning assignment_id)
                insert into reminder_settings (client_id, clinic_id, days, remind_at)
                select a.client_id, 'rose-city', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY', '04:00'
                from a""", CLIENTS, Demo.staffId("rose-trainer").toString(),
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), Demo.staffId("rose-trainer").toString());

        long start = System.nanoTime();
        TestClock.set(minute.toInstant());
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> TestData.count(
                "select count(*) from reminder_outbox where sent_at is not null and recipient_email like 'bench-reminder-%'")
                == CLIENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("reminders for %d clients due at the same minute: all sent %.1f s after the clock"
                + " reached it (scheduler every 1 s in tests; 20 s by default, so add up to 20 s in production)%n",
                CLIENTS, seconds);
        System.out.print(line);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/reminders.md"), line);
        TestClock.reset();
    }
}
