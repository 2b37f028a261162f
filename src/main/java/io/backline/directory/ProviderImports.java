package io.backline.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.util.Validation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Clinic admins bring their own referral contacts in from a spreadsheet, as private directory entries. */
@Path("/directory/imports")
@RolesAllowed(CurrentUser.ADMIN)
public class ProviderImports extends Controller {
    static final long MAX_BYTES = 5 * 1024 * 1024;

    @Inject
    CurrentUser currentUser;
    @Inject
    AuditTrail audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ProviderImport> recent, List<String> columns);

        static native TemplateInstance progress(ProviderImport job);
    }

    @GET
    @Path("")
    public TemplateInstance index() {
        return Templates.index(recent(), ProviderCsv.COLUMNS);
    }

    /** The file's rules need its content, so they are checked here rather than by constraints. */
    @POST
    @Path("")
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        String content = read(file, validation);
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.index(recent(), ProviderCsv.COLUMNS)).build();
        }
        ProviderImport job = new ProviderImport();
        job.id = UUID.randomUUID();
        job.fileName = fileName(file);
        job.status = ProviderImport.Status.WAITING;
        job.content = content;
        job.createdBy = currentUser.userId();
        job.createdAt = Instant.now();
        job.persist();
        audit.record(AuditSubject.providerImport(job.id), AuditTrail.STARTED_IMPORT, job.fileName);
        return Responses.of(redirect(ProviderImports.class).progress(job.id.toString()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance progress(@RestPath String id) {
        ProviderImport job = ProviderImport.find("id", Ids.parse(id)).firstResult();
        if (job == null) {
            throw new NotFoundException();
        }
        return Templates.progress(job);
    }

    /**
     * The uploaded file's text when it is a CSV file of directory entries this size or smaller, or null with the
     * reason added to the field's errors: the same for private imports and the operator's shared loads.
     */
    static String read(FileUpload file, Validation validation) throws IOException {
        if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
            validation.addError("file", "Choose a CSV file to import.");
            return null;
        }
        if (file.size() > MAX_BYTES) {
            validation.addError("file", "The file is larger than 5 MB; split it into smaller files.");
            return null;
        }
        String content = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        try {
            ProviderCsv.records(content);
        } catch (IOException | RuntimeException e) {
            validation.addError("file", "“" + file.fileName() + "” could not be read as CSV: " + e.getMessage());
            return null;
        }
        return content;
    }

    /** A file's name as kept: at most 200 characters. */
    static String fileName(FileUpload file) {
        return file.fileName().length() > 200 ? file.fileName().substring(0, 200) : file.fileName();
    }

    private static List<ProviderImport> recent() {
        return ProviderImport.find("order by createdAt desc").page(0, 10).list();
    }
}
