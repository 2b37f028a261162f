package io.backline.directory;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV format for private directory entries: one provider per row, with a header naming the columns. Each row is
 * checked on its own; a refused row says why and never stops the good ones.
 */
public final class ProviderCsv {
    public static final List<String> COLUMNS = List.of("full_name", "credentials", "practice", "specialty", "techniques",
            "address", "city", "neighbourhood", "postal_code", "latitude", "longitude", "phone", "email", "website",
            "accepting_new_clients", "accepts_trainer_referrals", "languages", "insurance", "hours", "notes");
    static final Set<String> REQUIRED = Set.of("full_name", "specialty", "address", "city", "postal_code");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private ProviderCsv() {
    }

    public sealed interface Row {
        long number();
    }

    public record Good(long number, Provider provider) implements Row {
    }

    public record Bad(long number, String reason) implements Row {
    }

    /** Reads the whole file; a file that is not CSV or lacks required columns is refused as a whole. */
    public static List<CSVRecord> records(String content) throws IOException {
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(content));
        List<String> missing = REQUIRED.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IOException("The header row lacks " + String.join(", ", missing) + ". Expected columns: "
                    + String.join(",", COLUMNS));
        }
        return parser.getRecords();
    }

    public static Row check(CSVRecord record, String clinicId, Map<String, PostalCodeCentroid> centroids) {
        long number = record.getRecordNumber() + 1; // the header is row 1, as in a spreadsheet
        List<String> problems = new ArrayList<>();
        Provider provider = new Provider();
        provider.id = UUID.randomUUID();
        provider.ownerClinicId = clinicId;
        provider.fullName = text(record, "full_name", 160, true, problems);
        provider.credentials = text(record, "credentials", 80, false, problems);
        provider.practice = text(record, "practice", 160, false, problems);
        String specialty = text(record, "specialty", 30, true, problems);
        provider.specialty = Specialty.parse(specialty);
        if (provider.specialty == null && specialty != null) {
            problems.add("specialty “" + specialty + "” is not one of chiropractor, massage therapist, physical therapist, physician, other");
        }
        provider.techniques = text(record, "techniques", 500, false, problems);
        provider.address = text(record, "address", 200, true, problems);
        provider.city = text(record, "city", 80, true, problems);
        provider.neighbourhood = text(record, "neighbourhood", 80, false, problems);
        provider.postalCode = text(record, "postal_code", 10, true, problems);
        provider.phone = text(record, "phone", 40, false, problems);
        provider.email = text(record, "email", 254, false, problems);
        if (provider.email != null && !EMAIL.matcher(provider.email).matches()) {
            problems.add("email “" + provider.email + "” is not an email address");
        }
        provider.website = text(record, "website", 254, false, problems);
        provider.acceptingNewClients = yesNo(record, "accepting_new_clients", true, problems);
        provider.acceptsTrainerReferrals = yesNo(record, "accepts_trainer_referrals", true, problems);
        String languages = text(record, "languages", 200, false, problems);
        provider.languages = languages == null ? "English" : languages;
        provider.insurance = text(record, "insurance", 300, false, problems);
        provider.hours = text(record, "hours", 300, false, problems);
        provider.notes = text(record, "notes", 1000, false, problems);
        locate(record, provider, centroids, problems);
        return problems.isEmpty() ? new Good(number, provider) : new Bad(number, String.join("; ", problems));
    }

    private static void locate(CSVRecord record, Provider provider, Map<String, PostalCodeCentroid> centroids,
            List<String> problems) {
        String lat = value(record, "latitude");
        String lon = value(record, "longitude");
        if (lat.isEmpty() && lon.isEmpty()) {
            PostalCodeCentroid centroid = provider.postalCode == null ? null : centroids.get(provider.postalCode);
            if (centroid == null) {
                problems.add("no latitude/longitude, and postal code “" + provider.postalCode + "” is not in the area list");
            } else {
                provider.latitude = centroid.latitude;
                provider.longitude = centroid.longitude;
            }
            return;
        }
        try {
            provider.latitude = Double.parseDouble(lat);
            provider.longitude = Double.parseDouble(lon);
            if (Math.abs(provider.latitude) > 90 || Math.abs(provider.longitude) > 180) {
                problems.add("latitude/longitude out of range");
            }
        } catch (NumberFormatException e) {
            problems.add("latitude “" + lat + "” / longitude “" + lon + "” are not numbers");
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    private static String text(CSVRecord record, String column, int max, boolean required, List<String> problems) {
        String value = value(record, column);
        if (value.isEmpty()) {
            if (required) {
                problems.add(column + " is required");
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(column + " is longer than " + max + " characters");
        }
        return value;
    }

    private static boolean yesNo(CSVRecord record, String column, boolean otherwise, List<String> problems) {
        String value = value(record, column).toLowerCase();
        return switch (value) {
            case "" -> otherwise;
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> {
                problems.add(column + " should be yes or no, not “" + value + "”");
                yield otherwise;
            }
        };
    }
}
