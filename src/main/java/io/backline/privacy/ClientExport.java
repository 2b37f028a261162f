package io.backline.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.backline.web.SafeCsv;

/**
 * Everything Backline holds about one client, as a zip: one JSON file with every section, and one CSV per section
 * for spreadsheets. Each query names the clinic as well as the client, so an export can never reach across clinics.
 * The CSV files go through {@link SafeCsv}: a note typed as a formula opens as text.
 */
@ApplicationScoped
public class ClientExport {
    @Inject
    ExportQuery sections;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    io.backline.clinic.CurrentUser currentUser;

    /**
     * The current clinic's client's data, read now (in the request, with its clinic and Hibernate session) and
     * written as a zip when the response is.
     */
    public StreamingOutput zip(UUID clientId) {
        Map<String, List<Map<String, Object>>> data = sections.read(clientId);
        return target -> write(data, target);
    }

    /** The zip as a download: the same answer for the clinic's admin and for the client themselves. */
    public Response download(UUID clientId) {
        return Response.ok(zip(clientId), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"backline-client-" + clientId + "-"
                        + LocalDate.now(currentUser.zone()) + ".zip\"")
                .header("Cache-Control", "no-store").build();
    }

    private void write(Map<String, List<Map<String, Object>>> data, OutputStream target) {
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("client.json"));
            zip.write(objectMapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(data));
            zip.closeEntry();
            for (var section : data.entrySet()) {
                zip.putNextEntry(new ZipEntry(section.getKey() + ".csv"));
                writeCsv(section.getValue(), columns(section.getKey(), section.getValue()), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty section still gets its header row, so a spreadsheet shows what could have been there. */
    private List<String> columns(String section, List<Map<String, Object>> rows) {
        return rows.isEmpty() ? sections.columns(section) : new ArrayList<>(rows.get(0).keySet());
    }

    private static void writeCsv(List<Map<String, Object>> rows, List<String> columns, OutputStream zip)
            throws IOException {
        // The zip stream stays open after each section, so the printer is flushed but not closed.
        OutputStreamWriter writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter printer = SafeCsv.printer(writer, columns);
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                values.add(value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : value);
            }
            SafeCsv.printRow(printer, values);
        }
        printer.flush();
    }
}
