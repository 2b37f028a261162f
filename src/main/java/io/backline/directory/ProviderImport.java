package io.backline.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A CSV file of private directory entries, worked through in the background with its progress kept here. */
@Entity
public class ProviderImport extends ClinicOwned {
    public enum Status {
        WAITING, RUNNING, DONE, FAILED
    }

    @Id
    public UUID id;

    public String fileName;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public int totalRows;
    public int processedRows;
    public int importedRows;
    /** One line per refused row: "Row 12: …". */
    public String errors;
    public String content;
    public UUID createdBy;
    public Instant createdAt;
    public Instant finishedAt;

    public boolean isFinished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    public int percent() {
        return totalRows == 0 ? (isFinished() ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
    }

    public List<String> errorLines() {
        return errors == null || errors.isBlank() ? List.of() : List.of(errors.split("\n"));
    }
}
