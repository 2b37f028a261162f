package io.backline.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** What a directory result shows of a provider: read as plain columns, not as an entity (see {@link Directory#search}). */
public record ProviderCard(UUID id, String fullName, String credentials, String practice, Specialty specialty,
        String techniques, String city, String neighbourhood, boolean acceptingNewClients,
        boolean acceptsTrainerReferrals, boolean privateEntry) {

    /** The providers of a page of results by id, one array parameter; whether each is visible was decided by the search. */
    static final String SELECT_BY_IDS = """
            select id, full_name, credentials, practice, specialty, techniques, city, neighbourhood,
                   accepting_new_clients, accepts_trainer_referrals, owner_clinic_id is not null
            from provider where id = any(?)""";

    static ProviderCard read(ResultSet row) throws SQLException {
        return new ProviderCard(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                Specialty.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                row.getBoolean(9), row.getBoolean(10), row.getBoolean(11));
    }

    public String displayName() {
        return Provider.displayName(fullName, credentials);
    }

    public String area() {
        return Provider.area(neighbourhood, city);
    }
}
