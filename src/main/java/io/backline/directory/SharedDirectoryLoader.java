package io.backline.directory;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVRecord;

/**
 * Loads a CSV file into the shared directory in one transaction: each row checked as a private import's is
 * ({@link ProviderCsv}), and a row naming a listing the shared directory already has (same name, address and postal
 * code, in the file or before it) refused, so loading a file twice adds nothing twice.
 */
@ApplicationScoped
public class SharedDirectoryLoader {
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    @Transactional
    public SharedDirectoryLoad load(String fileName, String content, UUID operatorId, String operatorName) throws IOException {
        SharedDirectoryLoad load = new SharedDirectoryLoad();
        load.id = UUID.randomUUID();
        load.fileName = fileName;
        load.loadedBy = operatorId;
        load.loadedByName = operatorName;
        load.loadedAt = clock.instant();
        Map<String, PostalCodeCentroid> centroids = PostalCodeCentroid.<PostalCodeCentroid> listAll().stream()
                .collect(Collectors.toMap(c -> c.postalCode, Function.identity()));
        Set<String> listed = new HashSet<>(entityManager.createQuery("""
                select lower(p.fullName) || '|' || lower(p.address) || '|' || p.postalCode from Provider p
                where p.ownerClinicId is null""", String.class).getResultList());
        StringBuilder errors = new StringBuilder();
        for (CSVRecord record : ProviderCsv.records(content)) {
            switch (ProviderCsv.check(record, null, centroids)) {
                case ProviderCsv.Good good -> {
                    Provider provider = good.provider();
                    if (listed.add(sameListing(provider))) {
                        provider.confirmedAt = load.loadedAt;
                        provider.persist();
                        load.importedRows++;
                    } else {
                        errors.append("Row ").append(good.number())
                                .append(": already in the shared directory (same full_name, address and postal_code)\n");
                        load.refusedRows++;
                    }
                }
                case ProviderCsv.Bad bad -> {
                    errors.append("Row ").append(bad.number()).append(": ").append(bad.reason()).append('\n');
                    load.refusedRows++;
                }
            }
        }
        load.errors = errors.isEmpty() ? null : errors.toString();
        load.persist();
        return load;
    }

    private static String sameListing(Provider provider) {
        return provider.fullName.toLowerCase(Locale.ROOT) + "|" + provider.address.toLowerCase(Locale.ROOT) + "|"
                + provider.postalCode;
    }
}
