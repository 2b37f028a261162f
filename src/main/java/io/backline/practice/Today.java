package io.backline.practice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.safety.Clearances;
import io.backline.web.FormErrors;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The client's "today": the program with its steps and timer, the safety rule, and the check-off form. */
@Path("/today")
@RolesAllowed(CurrentUser.CLIENT)
public class Today extends Controller {

    @Inject
    CurrentUser currentUser;
    @Inject
    AssignmentService assignments;
    @Inject
    ProgramCatalog catalog;
    @Inject
    CheckOffService checkOffs;
    @Inject
    AdherenceService adherence;
    @Inject
    io.backline.audit.AuditTrail audit;
    @Inject
    Clearances clearances;

    private static final List<String> DISCOMFORT_CHOICES = IntStream.rangeClosed(0, 10).mapToObj(String::valueOf)
            .toList();

    public record Plan(Assignment assignment, ProgramVersion version, Prescription prescription,
            Adherence.Report report, LocalDate today) {
        /** Whether a session is already recorded for today (sending the form again corrects it). */
        public boolean checkedOffToday() {
            return report.lastSession().filter(today::equals).isPresent();
        }

        /** The prescribed roller levels, each with its name and hint, for the steps and the printable sheet. */
        public List<Level> levels() {
            return IntStream.range(0, prescription.levels)
                    .mapToObj(i -> new Level(version.levelName(i), version.levelHint(i))).toList();
        }

        public String thisWeekText() {
            List<Adherence.Week> weeks = report.weeks();
            if (weeks.isEmpty()) {
                return "your program starts " + prescription.startDate;
            }
            Adherence.Week week = weeks.get(weeks.size() - 1);
            return week.done() + " of " + week.prescribed() + " sessions";
        }

        /** The level names as a JSON array for the hold timer (escaped again by the template). */
        public String levelNamesJson() {
            return json(levels().stream().map(Level::name).toList());
        }

        public String levelHintsJson() {
            return json(levels().stream().map(Level::hint).toList());
        }

        private static String json(List<String> values) {
            StringBuilder out = new StringBuilder("[");
            for (String value : values) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return out.append(']').toString();
        }
    }

    /** A roller level as the program names it. */
    public record Level(String name, String hint) {
    }

    /** One level's hold field of the check-off form: what was typed and, when it was refused, why. */
    public record HoldField(int index, String name, String value, String error) {
    }

    /** A choice of how the session felt, and whether it is the one chosen. */
    public record FeelingChoice(SessionLog.Feeling feeling, boolean checked) {
    }

    /*
     * The page's template reads each value from its own parameters or its loop's variable: a name from an outer scope,
     * looked up from inside a loop, first goes through every value resolver Qute has (about 130) before the enclosing
     * scope finds it, and the today page is the one clients open most.
     */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Client client, Plan plan, ProgramVersion version, Prescription p,
                LocalDate today, Map<String, String> form, List<HoldField> holdFields, FormErrors errors,
                String idempotencyKey, List<FeelingChoice> feelings, List<io.backline.audit.AuditTrail.Entry> access,
                boolean awaitsClearance, List<String> discomforts);

        static native TemplateInstance print(Client client, Plan plan);
    }

    @GET
    @Path("")
    public Object todayPage() {
        AssignmentService.ClientPlan mine = mine();
        if (mine.client().screenedAt == null) {
            return seeOther("/today/screening"); // the pre-exercise questions come before the first session
        }
        Plan plan = plan(mine).orElse(null);
        return render(mine.client(), plan, defaults(plan), new FormErrors());
    }

    @GET
    @Path("print")
    public TemplateInstance print() {
        AssignmentService.ClientPlan mine = mine();
        return Templates.print(mine.client(), plan(mine).orElse(null));
    }

    @POST
    @Path("sessions")
    public Object checkOff(@RestForm String performedOn, @RestForm List<String> hold, @RestForm String discomfort,
            @RestForm String feeling, @RestForm String note, @RestForm String worseOrUnsafe,
            @RestForm String idempotencyKey) {
        AssignmentService.ClientPlan mine = mine();
        Client client = mine.client();
        Plan plan = plan(mine).orElseThrow(NotFoundException::new);
        Map<String, String> typed = new HashMap<>();
        typed.put("performedOn", performedOn == null ? "" : performedOn);
        typed.put("discomfort", discomfort == null ? "" : discomfort);
        typed.put("feeling", feeling == null ? "" : feeling);
        typed.put("note", note == null ? "" : note);
        typed.put("worseOrUnsafe", worseOrUnsafe == null ? "" : "on");
        List<String> holds = hold == null ? List.of() : hold;
        for (int i = 0; i < plan.prescription().levels; i++) {
            typed.put("hold" + i, i < holds.size() && holds.get(i) != null ? holds.get(i) : "");
        }

        FormErrors errors = new FormErrors();
        LocalDate day = null;
        try {
            day = LocalDate.parse(typed.get("performedOn").strip());
        } catch (DateTimeParseException e) {
            errors.add("performedOn", "Write the date as YYYY-MM-DD.");
        }
        int[] seconds = new int[plan.prescription().levels];
        for (int i = 0; i < seconds.length; i++) {
            Integer value = errors.integer("hold" + i, typed.get("hold" + i), 0, 1800,
                    "Give the seconds you held at this level, from 0 to 1800 (30 minutes).");
            seconds[i] = value == null ? 0 : value;
        }
        Integer pain = errors.integer("discomfort", discomfort, 0, 10, "Choose a discomfort level from 0 to 10.");
        SessionLog.Feeling felt = null;
        try {
            felt = SessionLog.Feeling.valueOf(typed.get("feeling"));
        } catch (IllegalArgumentException e) {
            errors.add("feeling", "Choose how the session felt.");
        }
        errors.text("note", note, 1000, false, "The note");
        UUID key = null;
        try {
            key = UUID.fromString(idempotencyKey == null ? "" : idempotencyKey);
        } catch (IllegalArgumentException e) {
            errors.add("performedOn", "The form expired; please submit it again.");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(render(client, plan, typed, errors)).build();
        }
        CheckOffService.CheckOff checkOff = new CheckOffService.CheckOff(day, seconds, pain, felt, note,
                worseOrUnsafe != null, key);
        CheckOffService.Result result = record(plan, checkOff);
        switch (result) {
            case CheckOffService.Result.Refused refused -> {
                errors.add(refused.field().equals("assignment") ? "performedOn" : refused.field(), refused.message());
                return Response.status(409).entity(render(client, plan, typed, errors)).build();
            }
            case CheckOffService.Result.Saved saved ->
                flash("message", saved.corrected() ? "Today's session was corrected." : "Session checked off. Well done.");
            case CheckOffService.Result.AlreadySaved same -> flash("message", "That session was already saved.");
        }
        if (checkOff.worseOrUnsafe()) {
            // Hand over to the symptom report, linked to this session, with the stop guidance on top.
            flash("safety", "true");
            UUID sessionId = switch (result) {
                case CheckOffService.Result.Saved saved -> saved.session().id;
                case CheckOffService.Result.AlreadySaved same -> same.session().id;
                case CheckOffService.Result.Refused refused -> null;
            };
            return seeOther("/today/flags/new?session=" + sessionId);
        }
        return seeOther("/today");
    }

    /** A double click can race two identical submissions: the loser finds the winner's row. */
    private CheckOffService.Result record(Plan plan, CheckOffService.CheckOff checkOff) {
        try {
            return checkOffs.record(plan.assignment(), plan.prescription(), checkOff, zone(), "");
        } catch (RuntimeException e) {
            Optional<SessionLog> saved = SessionLog.find("idempotencyKey", checkOff.idempotencyKey()).firstResultOptional();
            if (saved.isPresent()) {
                return new CheckOffService.Result.AlreadySaved(saved.get());
            }
            throw e;
        }
    }

    private TemplateInstance render(Client client, Plan plan, Map<String, String> form, FormErrors errors) {
        List<HoldField> holds = new ArrayList<>();
        for (int i = 0; plan != null && i < plan.prescription().levels; i++) {
            holds.add(new HoldField(i, plan.version().levelName(i), form.getOrDefault("hold" + i, ""),
                    errors.getLevel("hold", i)));
        }
        List<FeelingChoice> feelings = Arrays.stream(SessionLog.Feeling.values())
                .map(feeling -> new FeelingChoice(feeling, feeling.name().equals(form.get("feeling")))).toList();
        boolean awaitsClearance = plan != null && plan.assignment().isPaused()
                && clearances.status(client.id, zone()).needed();
        return Templates.today(client, plan, plan == null ? null : plan.version(),
                plan == null ? null : plan.prescription(), localToday(), form, holds, errors,
                UUID.randomUUID().toString(), feelings, audit.forClient(client.id, 10), awaitsClearance,
                DISCOMFORT_CHOICES);
    }

    private Map<String, String> defaults(Plan plan) {
        Map<String, String> form = new HashMap<>();
        form.put("performedOn", localToday().toString());
        form.put("discomfort", ""); // chosen by the client each time, never assumed
        form.put("feeling", "");
        form.put("note", "");
        form.put("worseOrUnsafe", "");
        // Holds stay empty: the timer fills in what was held, or the client types it; never the prescription.
        return form;
    }

    /** The client's newest open assignment, with its version and current prescription. */
    Optional<Plan> plan(AssignmentService.ClientPlan found) {
        return Optional.ofNullable(found.assignment()).map(assignment -> {
            ProgramVersion version = catalog.version(assignment.programVersionId).orElseThrow();
            return new Plan(assignment, version, found.prescription(), adherence.report(assignment, zone()), localToday());
        });
    }

    /** The signed-in client's row with their open assignment: one statement. */
    private AssignmentService.ClientPlan mine() {
        return currentUser.clientId().flatMap(assignments::clientPlan).orElseThrow(NotFoundException::new);
    }

    private ZoneId zone() {
        return currentUser.zone();
    }

    private LocalDate localToday() {
        return LocalDate.now(zone());
    }
}
