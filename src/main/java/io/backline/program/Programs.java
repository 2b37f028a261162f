package io.backline.program;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Staff pages for the clinic's programs: read them, copy the built-in one, and edit a copy (a new version). */
@Path("/programs")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Programs extends Controller {

    @Inject
    ProgramCatalog catalog;

    @Inject
    CurrentUser currentUser;

    @Inject
    SubmittedForm submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ProgramVersion> programs);

        static native TemplateInstance show(Program program, ProgramVersion version, List<ProgramVersion> history);

        static native TemplateInstance edit(Program program, ProgramVersion version, Map<String, String> form);
    }

    @GET
    @Path("")
    public TemplateInstance index() {
        return Templates.index(catalog.latestVersions());
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath String id) {
        Program program = catalog.program(Ids.parse(id)).orElseThrow(NotFoundException::new);
        List<ProgramVersion> history = catalog.history(program.id);
        return Templates.show(program, history.get(0), history);
    }

    @GET
    @Path("versions/{id}")
    public TemplateInstance version(@RestPath String id) {
        ProgramVersion version = catalog.version(Ids.parse(id)).orElseThrow(NotFoundException::new);
        Program program = catalog.program(version.programId).orElseThrow(NotFoundException::new);
        return Templates.show(program, version, catalog.history(program.id));
    }

    @POST
    @Path("{id}/copy")
    public Response copy(@RestPath String id) {
        Program source = catalog.program(Ids.parse(id)).orElseThrow(NotFoundException::new);
        Program copy = catalog.copy(source.id, currentUser.userId());
        flash("message", "A clinic copy was made. Adjust it below; clients keep the version they were given.");
        return seeOther(Router.getURI(Programs::edit, copy.id.toString()));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@RestPath String id) {
        Program program = editable(id);
        ProgramVersion latest = catalog.latest(program.id);
        return Templates.edit(program, latest, Map.of(
                "title", latest.title, "summary", latest.summary, "purpose", latest.purpose, "steps", latest.steps,
                "cues", latest.cues, "levelNames", latest.levelNames, "levelHints", latest.levelHints,
                "minHoldSeconds", String.valueOf(latest.minHoldSeconds),
                "maxHoldSeconds", String.valueOf(latest.maxHoldSeconds)));
    }

    @POST
    @Path("{id}/edit")
    public Response save(@RestPath String id, @BeanParam @Valid ProgramForm form) {
        Program program = editable(id);
        form.check(validation);
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.edit(program, catalog.latest(program.id), submitted.values()))
                    .build();
        }
        ProgramVersion saved = catalog.edit(program.id, form.edit(), currentUser.userId());
        flash("message", "Saved as version " + saved.version + ". Existing assignments keep their own version.");
        return Responses.of(redirect(Programs.class).show(program.id.toString()));
    }

    private Program editable(String id) {
        Program program = catalog.program(Ids.parse(id)).orElseThrow(NotFoundException::new);
        if (program.isBuiltIn()) {
            throw new NotFoundException();
        }
        return program;
    }
}
