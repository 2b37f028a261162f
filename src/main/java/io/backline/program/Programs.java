package io.backline.program;

import java.util.List;
import java.util.Map;
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

import io.backline.clinic.CurrentUser;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
import io.quarkiverse.renarde.Controller;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ProgramVersion> programs);

        static native TemplateInstance show(Program program, ProgramVersion version, List<ProgramVersion> history);

        static native TemplateInstance edit(Program program, ProgramVersion version, Map<String, String> form,
                FormErrors errors);
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
        return seeOther("/programs/" + copy.id + "/edit");
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
                "maxHoldSeconds", String.valueOf(latest.maxHoldSeconds)), new FormErrors());
    }

    @POST
    @Path("{id}/edit")
    public Object save(@RestPath String id, @RestForm String title, @RestForm String summary,
            @RestForm String purpose, @RestForm String steps, @RestForm String cues, @RestForm String levelNames,
            @RestForm String levelHints, @RestForm String minHoldSeconds, @RestForm String maxHoldSeconds) {
        Program program = editable(id);
        FormErrors errors = new FormErrors();
        errors.text("title", title, 160, true, "The title");
        errors.text("summary", summary, 400, true, "The summary");
        errors.text("purpose", purpose, 4000, true, "What it is for");
        errors.text("steps", steps, 4000, true, "The steps");
        errors.text("cues", cues, 4000, false, "The cues");
        errors.text("levelHints", levelHints, 2000, false, "The level hints");
        String names = errors.text("levelNames", levelNames, 600, true, "The level names");
        int levelCount = ProgramVersion.lines(names).size();
        if (!errors.has("levelNames") && (levelCount < 1 || levelCount > 6)) {
            errors.add("levelNames", "Give between 1 and 6 levels, one per line.");
        }
        Integer min = errors.integer("minHoldSeconds", minHoldSeconds, 30, 1800,
                "The shortest hold must be between 30 and 1800 seconds (30 minutes).");
        Integer max = errors.integer("maxHoldSeconds", maxHoldSeconds, 30, 1800,
                "The longest hold must be between 30 and 1800 seconds (30 minutes).");
        if (min != null && max != null && max < min) {
            errors.add("maxHoldSeconds", "The longest hold cannot be shorter than the shortest one.");
        }
        if (!errors.isEmpty()) {
            Map<String, String> typed = new java.util.HashMap<>();
            typed.put("title", nullToEmpty(title));
            typed.put("summary", nullToEmpty(summary));
            typed.put("purpose", nullToEmpty(purpose));
            typed.put("steps", nullToEmpty(steps));
            typed.put("cues", nullToEmpty(cues));
            typed.put("levelNames", nullToEmpty(levelNames));
            typed.put("levelHints", nullToEmpty(levelHints));
            typed.put("minHoldSeconds", nullToEmpty(minHoldSeconds));
            typed.put("maxHoldSeconds", nullToEmpty(maxHoldSeconds));
            return Response.status(400).entity(Templates.edit(program, catalog.latest(program.id), typed, errors)).build();
        }
        ProgramVersion saved = catalog.edit(program.id, new ProgramCatalog.ProgramEdit(title, summary, purpose, steps,
                cues == null ? "" : cues, levelNames, levelHints, min, max), currentUser.userId());
        flash("message", "Saved as version " + saved.version + ". Existing assignments keep their own version.");
        return seeOther("/programs/" + program.id);
    }

    private Program editable(String id) {
        Program program = catalog.program(Ids.parse(id)).orElseThrow(NotFoundException::new);
        if (program.isBuiltIn()) {
            throw new NotFoundException();
        }
        return program;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
