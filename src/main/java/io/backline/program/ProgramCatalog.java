package io.backline.program;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentClinic;
import io.quarkus.panache.common.Parameters;

/** The current clinic's programs and their versions. Versions are only ever added, never changed. */
@ApplicationScoped
public class ProgramCatalog {
    private final Map<UUID, ProgramVersion> versions = new ConcurrentHashMap<>();

    @Inject
    CurrentClinic currentClinic;
    @Inject
    AuditTrail audit;

    /** The clinic's copy of the built-in program, created the first time it is needed. */
    @Transactional
    public Program builtIn() {
        Optional<Program> existing = Program.find("builtInKey", BuiltInProgram.THORACIC).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Program program = newProgram(BuiltInProgram.THORACIC);
        addVersion(program, BuiltInProgram.load(BuiltInProgram.THORACIC).toVersion(), null);
        return program;
    }

    /** The latest version of every program of the clinic, built-in first. */
    public List<ProgramVersion> latestVersions() {
        List<ProgramVersion> latest = latestVersionsFound();
        if (latest.isEmpty()) {
            // Every clinic gets the built-in program at start (BuiltInProgramSeeder); one created since has none yet.
            builtIn();
            latest = latestVersionsFound();
        }
        return latest;
    }

    private static List<ProgramVersion> latestVersionsFound() {
        return ProgramVersion.<ProgramVersion> find("""
                from ProgramVersion v where v.version = (
                    select max(o.version) from ProgramVersion o where o.programId = v.programId)
                order by v.createdAt""").list();
    }

    public Optional<Program> program(UUID id) {
        return Program.find("id", id).firstResultOptional();
    }

    /**
     * A version by id. Versions never change once written, so each is read from the database once per instance and
     * then served from memory (a client's "today" page shows one on every visit); the clinic is still checked.
     */
    public Optional<ProgramVersion> version(UUID id) {
        ProgramVersion cached = versions.get(id);
        if (cached != null) {
            return cached.clinicId.equals(currentClinic.requireId()) ? Optional.of(cached) : Optional.empty();
        }
        Optional<ProgramVersion> found = ProgramVersion.find("id", id).firstResultOptional();
        found.ifPresent(version -> {
            ProgramVersion.getEntityManager().detach(version);
            versions.put(id, version);
        });
        return found;
    }

    /** Versions by id, in the order given; those not yet in memory are read together, in one statement. */
    public List<ProgramVersion> versions(List<UUID> ids) {
        List<UUID> missing = ids.stream().filter(id -> !versions.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            ProgramVersion.<ProgramVersion> list("id in ?1", missing).forEach(version -> {
                ProgramVersion.getEntityManager().detach(version);
                versions.put(version.id, version);
            });
        }
        return ids.stream().map(this::version).flatMap(Optional::stream).toList();
    }

    public ProgramVersion latest(UUID programId) {
        return ProgramVersion.<ProgramVersion> find("programId = :p order by version desc", Parameters.with("p", programId))
                .firstResult();
    }

    public List<ProgramVersion> history(UUID programId) {
        return ProgramVersion.list("programId = :p order by version desc", Parameters.with("p", programId));
    }

    /** A clinic copy of any program, editable from then on. */
    @Transactional
    public Program copy(UUID programId, UUID staffUserId) {
        ProgramVersion source = latest(programId);
        Program program = newProgram(null);
        ProgramVersion first = source.copy();
        String suffix = " (clinic copy)";
        first.title = (source.title.length() + suffix.length() > 160 ? source.title.substring(0, 160 - suffix.length())
                : source.title) + suffix;
        addVersion(program, first, staffUserId);
        audit.record(AuditSubject.program(program.id), AuditTrail.CREATED_PROGRAM, first.title);
        return program;
    }

    /** Saves an edit as the next version; what clients were assigned before keeps its own version. */
    @Transactional
    public ProgramVersion edit(UUID programId, ProgramEdit edit, UUID staffUserId) {
        Program program = program(programId).orElseThrow();
        if (program.isBuiltIn()) {
            throw new IllegalStateException("The built-in program is read-only; edit a clinic copy");
        }
        ProgramVersion next = latest(programId).copy();
        edit.applyTo(next);
        ProgramVersion saved = addVersion(program, next, staffUserId);
        audit.record(AuditSubject.program(program.id), AuditTrail.EDITED_PROGRAM, saved.title + " v" + saved.version);
        return saved;
    }

    private static Program newProgram(String builtInKey) {
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.builtInKey = builtInKey;
        program.createdAt = Instant.now();
        program.persist();
        return program;
    }

    private ProgramVersion addVersion(Program program, ProgramVersion version, UUID staffUserId) {
        ProgramVersion previous = ProgramVersion.<ProgramVersion> find("programId = :p order by version desc",
                Parameters.with("p", program.id)).firstResult();
        version.id = UUID.randomUUID();
        version.programId = program.id;
        version.version = previous == null ? 1 : previous.version + 1;
        version.createdAt = Instant.now();
        version.createdBy = staffUserId;
        version.persist();
        return version;
    }

    /** What a clinic may adjust in its copy: the text, the levels and the hold range. */
    public record ProgramEdit(String title, String summary, String purpose, String steps, String cues,
            String levelNames, String levelHints, int minHoldSeconds, int maxHoldSeconds) {
        void applyTo(ProgramVersion version) {
            version.title = title.strip();
            version.summary = summary.strip();
            version.purpose = purpose.strip();
            version.steps = steps.strip();
            version.cues = cues.strip();
            version.levelNames = levelNames.strip();
            version.levelHints = levelHints == null ? "" : levelHints.strip();
            version.minHoldSeconds = minHoldSeconds;
            version.maxHoldSeconds = maxHoldSeconds;
        }
    }
}
