package io.backline.directory;

import java.time.Instant;
import java.util.UUID;

/** What a directory result shows of a provider: read as plain columns, not as an entity (see {@link DirectoryQuery}). */
public record ProviderCard(UUID id, String fullName, String credentials, String practice, Specialty specialty,
        String techniques, String city, String neighbourhood, boolean acceptingNewClients,
        boolean acceptsTrainerReferrals, boolean privateEntry, Instant confirmedAt) {

    public String displayName() {
        return Provider.displayName(fullName, credentials);
    }

    public String area() {
        return Provider.area(neighbourhood, city);
    }
}
