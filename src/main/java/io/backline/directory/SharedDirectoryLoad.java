package io.backline.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An operator's CSV load into the shared directory: who loaded which file, what went in and what was refused. */
@Entity
public class SharedDirectoryLoad extends PanacheEntityBase {
    @Id
    public UUID id;
    public String fileName;
    public UUID loadedBy;
    public String loadedByName;
    public Instant loadedAt;
    public int importedRows;
    public int refusedRows;
    /** One line per refused row: "Row 12: …". */
    public String errors;

    public List<String> errorLines() {
        return errors == null || errors.isBlank() ? List.of() : List.of(errors.split("\n"));
    }
}
