package io.backline.calendar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The feed's statements through {@link ClinicSql}. */
@ApplicationScoped
class CalendarFeedQuery {
    /** A live address: its row, clinic and client. */
    record Live(UUID id, String clinicId, UUID clientId) {
    }

    @Inject
    ClinicSql sql;

    /** The secret alone names the clinic, as a provider's link does: nobody is signed in. */
    Optional<Live> live(String tokenHash) {
        return QuarkusTransaction.requiringNew().call(() -> sql.listAcrossClinics(
                "select id, clinic_id, client_id from calendar_feed where token_hash = ? and revoked_at is null",
                row -> new Live(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class)),
                tokenHash)).stream().findFirst();
    }

    /** Marks the feed read on {@code today}; true only for the first read of that day. */
    boolean firstReadOn(UUID feedId, LocalDate today) {
        return sql.update("""
                update calendar_feed set last_read_on = ? where clinic_id = :clinic and id = ?
                    and (last_read_on is null or last_read_on < ?)""", today, feedId, today) == 1;
    }
}
