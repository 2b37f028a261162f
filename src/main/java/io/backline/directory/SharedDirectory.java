package io.backline.directory;

import java.io.IOException;
import java.util.List;

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

import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * The operator loads the shared directory, the entries every clinic sees, from a CSV file checked row by row as a
 * clinic's private import is. Only the {@code backline-operator} realm role, signed in outside any clinic, reaches it:
 * a clinic admin cannot. A load is one transaction ({@link SharedDirectoryLoader}).
 */
@Path("/operator/directory")
@RolesAllowed(CurrentUser.OPERATOR)
public class SharedDirectory extends Controller {

    @Inject
    CurrentUser currentUser;
    @Inject
    SharedDirectoryLoader loader;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<SharedDirectoryLoad> recent, List<String> columns, long sharedCount);

        static native TemplateInstance load(SharedDirectoryLoad load);
    }

    @GET
    @Path("")
    public TemplateInstance index() {
        operatorOnly();
        return page();
    }

    @POST
    @Path("")
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        operatorOnly();
        String content = ProviderImports.read(file, validation);
        if (validation.hasErrors()) {
            return Response.status(400).entity(page()).build();
        }
        SharedDirectoryLoad load = loader.load(ProviderImports.fileName(file), content, currentUser.userId(),
                limit(currentUser.getName(), 160));
        flash("message", load.importedRows + " shared entries loaded, " + load.refusedRows + " rows refused.");
        return Responses.of(redirect(SharedDirectory.class).load(load.id.toString()));
    }

    @GET
    @Path("loads/{id}")
    public TemplateInstance load(@RestPath String id) {
        operatorOnly();
        SharedDirectoryLoad load = SharedDirectoryLoad.findById(Ids.parse(id));
        if (load == null) {
            throw new NotFoundException();
        }
        return Templates.load(load);
    }

    private TemplateInstance page() {
        return Templates.index(SharedDirectoryLoad.find("order by loadedAt desc").page(0, 10).list(), ProviderCsv.COLUMNS,
                Provider.count("ownerClinicId is null"));
    }

    /** The role counts only outside a clinic: staff who were given it by mistake still cannot load entries. */
    private void operatorOnly() {
        if (!currentUser.isOperator()) {
            throw new ForbiddenException();
        }
    }

    private static String limit(String text, int max) {
        String value = text == null || text.isBlank() ? "operator" : text.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }
}
