package io.backline.practice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramTexts;
import io.backline.program.ProgramVersion;
import io.backline.safety.ClientScreening;
import io.backline.safety.Clearances;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.backline.web.i18n.Dates;
import io.backline.web.i18n.Texts;
import io.backline.web.i18n.Languages;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The client's "today": the program with its steps and timer, the safety rule, and the check-off form. */
@Path("/today")
@RolesAllowed(CurrentUser.CLIENT)
// One instance, not Renarde's one per request: the page clients open most, and everything injected is a proxy.
@Singleton
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
    Clearances clearances;
    @Inject
    SubmittedForm submitted;

    private static final List<String> DISCOMFORT_CHOICES = IntStream.rangeClosed(0, 10).mapToObj(String::valueOf)
            .toList();

    public record Plan(Assignment assignment, ProgramVersion version, Prescription prescription,
            Adherence.Report report, LocalDate today, String language) {
        /**
         * What the program's own sections of the page depend on, the key they are kept under ({@code {#cached}}):
         * versions are never edited (an edit adds one), and the levels and hold come from the prescription.
         */
        public String contentKey() {
            return version.id + "/" + language + "/" + prescription.levels + "/" + prescription.holdSeconds;
        }

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
                return io.backline.web.i18n.Texts.get("today.starts", Dates.date(prescription.startDate, Languages.current()));
            }
            Adherence.Week week = weeks.get(weeks.size() - 1);
            return io.backline.web.i18n.Texts.get("today.sessionsOf", week.done(), week.prescribed());
        }

        /** The level names as a JSON array for the hold timer (escaped again by the template). */
        public String levelNamesJson() {
            return json(levels().stream().map(Level::name).toList());
        }

        public String levelHintsJson() {
            return json(levels().stream().map(Level::hint).toList());
        }

        /** The hold timer's words in the page's language, as a JSON object for hold-timer.js. */
        public String timerTextsJson() {
            StringBuilder out = new StringBuilder("{");
            for (String key : TIMER_TEXTS) {
                String text = Texts.get("timer." + key);
                out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":")
                        .append(json(List.of(text)), 1, json(List.of(text)).length() - 1);
            }
            return out.append('}').toString();
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

    /** The keys of the hold timer's words ({@code timer.*} in the message bundles). */
    private static final List<String> TIMER_TEXTS = List.of(
            "level1", "start", "pause", "stopHold", "skip", "next", "readyLabel", "readyHint", "levelOf",
            "levelOnly", "readyWhenYouAre", "nextLevel", "idleMessage", "getReady", "lieBack",
            "announceGetReady", "hold", "announceHold", "resume", "pausedBreath", "announcePaused",
            "announceResumed", "holdDone", "holdStopped", "nextLevelOf", "rest", "heldOne", "held",
            "restMessage", "nextLevelIs", "moveRoller", "allDone", "comeUp", "wellDone", "goToCheckOff",
            "announceAllDone", "announceStopped", "levelSkipped", "breatheIn", "breatheOut");

    /** A roller level as the program names it. */
    public record Level(String name, String hint) {
    }

    /** One level's hold box of the check-off form: its field name for messages ("hold0", …) and what it shows. */
    public record HoldField(int index, String key, String name, String value) {
    }

    /** A choice of how the session felt, and whether it is the one chosen. */
    public record FeelingChoice(SessionLog.Feeling feeling, boolean checked) {
    }

    /*
     * The page's template reads each value from its own parameters or its loop's variable: a name from an outer scope,
     * looked up from inside a loop, first goes through every value resolver Qute has (over 160) before the enclosing
     * scope finds it, and the today page is the one clients open most.
     */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Client client, Plan plan, ProgramVersion version, Prescription p,
                LocalDate today, Map<String, String> form, List<HoldField> holdFields, String idempotencyKey,
                List<FeelingChoice> feelings, boolean untouched, boolean awaitsClearance, List<String> discomforts);

        static native TemplateInstance print(Client client, Plan plan);
    }

    @GET
    @Path("")
    public Response todayPage() {
        AssignmentService.ClientPlan mine = mine();
        if (mine.client().screenedAt == null) {
            // The pre-exercise questions come before the first session.
            return seeOther(Router.getURI(ClientScreening::form));
        }
        Plan plan = plan(mine).orElse(null);
        return Responses.of(render(mine.client(), plan, defaults(), List.of()));
    }

    @GET
    @Path("print")
    public TemplateInstance print() {
        AssignmentService.ClientPlan mine = mine();
        return Templates.print(mine.client(), plan(mine).orElse(null));
    }

    @POST
    @Path("sessions")
    public Response checkOff(@BeanParam CheckOffForm sent) {
        AssignmentService.ClientPlan mine = mine();
        Client client = mine.client();
        Plan plan = plan(mine).orElseThrow(NotFoundException::new);
        // One box per prescribed level, as the page shows them.
        CheckOffForm form = sent.withLevels(plan.prescription().levels);
        List<CheckOffService.FieldError> errors = checkOffs.check(form, plan.prescription()).stream()
                // The one-time key has no box of its own: its message shows with the day, unless the day has its own.
                .sorted(java.util.Comparator.comparing(error -> error.field().equals("idempotencyKey"))).toList();
        for (CheckOffService.FieldError error : errors) {
            String field = switch (error.field()) {
                case "holdSeconds" -> "hold" + (error.level() == null ? 0 : error.level());
                case "idempotencyKey" -> "performedOn";
                default -> error.field();
            };
            if (!validation.hasError(field)) {
                validation.addError(field, error.message());
            }
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(render(client, plan, submitted.values(), form.holdSeconds())).build();
        }
        CheckOffService.CheckOff checkOff = form.checked();
        CheckOffService.Result result = record(plan, checkOff);
        switch (result) {
            case CheckOffService.Result.Refused refused -> {
                // The assignment and the one-time key have no box of their own: their message shows with the day.
                validation.addError(switch (refused.field()) {
                    case "assignment", "idempotencyKey" -> "performedOn";
                    default -> refused.field();
                }, refused.message());
                return Response.status(409).entity(render(client, plan, submitted.values(), form.holdSeconds())).build();
            }
            case CheckOffService.Result.Saved saved ->
                flash("message", io.backline.web.i18n.Texts.get(saved.corrected() ? "today.corrected" : "today.checkedOff"));
            case CheckOffService.Result.AlreadySaved same -> flash("message", io.backline.web.i18n.Texts.get("today.alreadySaved"));
        }
        if (checkOff.worseOrUnsafe()) {
            // Hand over to the symptom report, linked to this session, with the stop guidance on top.
            flash("safety", "true");
            UUID sessionId = switch (result) {
                case CheckOffService.Result.Saved saved -> saved.session().id;
                case CheckOffService.Result.AlreadySaved same -> same.session().id;
                case CheckOffService.Result.Refused refused -> null;
            };
            // Named, not referenced: the symptom package sits above this one (it observes the tick).
            return seeOther(Router.findURI("MyFlags.report", false, String.valueOf(sessionId)));
        }
        return Responses.of(redirect(Today.class).todayPage());
    }

    /** A double click can race two identical submissions: the loser finds the winner's row. */
    private CheckOffService.Result record(Plan plan, CheckOffService.CheckOff checkOff) {
        try {
            return checkOffs.record(plan.assignment(), plan.prescription(), checkOff, zone(), "");
        } catch (RuntimeException e) {
            return checkOffs.afterFailedSave(plan.assignment().clientId, checkOff.idempotencyKey(), e);
        }
    }

    /** The page; {@code holds} are the hold boxes' values (repeated fields, which the form's map keeps one of). */
    private TemplateInstance render(Client client, Plan plan, Map<String, String> form, List<String> holds) {
        List<HoldField> holdFields = new ArrayList<>();
        for (int i = 0; plan != null && i < plan.prescription().levels; i++) {
            holdFields.add(new HoldField(i, "hold" + i, plan.version().levelName(i), i < holds.size() ? holds.get(i) : ""));
        }
        List<FeelingChoice> feelings = Arrays.stream(SessionLog.Feeling.values())
                .map(feeling -> new FeelingChoice(feeling, feeling.name().equals(form.get("feeling")))).toList();
        // A visit, not a form sent back with what was typed and its messages: the form's fields can be the kept ones.
        boolean untouched = holds.isEmpty() && form.equals(defaults()) && !validation.hasErrors();
        boolean awaitsClearance = plan != null && plan.assignment().isPaused()
                && clearances.status(client.id, zone()).needed();
        return Templates.today(client, plan, plan == null ? null : plan.version(),
                plan == null ? null : plan.prescription(), localToday(), form, holdFields,
                UUID.randomUUID().toString(), feelings, untouched, awaitsClearance,
                DISCOMFORT_CHOICES);
    }

    /*
     * Holds stay empty: the timer fills in what was held, or the client types it; never the prescription. Discomfort
     * is chosen by the client each time, never assumed.
     */
    private Map<String, String> defaults() {
        return Map.of("performedOn", localToday().toString());
    }

    /** The client's newest open assignment, with its version and current prescription. */
    Optional<Plan> plan(AssignmentService.ClientPlan found) {
        return Optional.ofNullable(found.assignment()).map(assignment -> {
            String language = Languages.current();
            ProgramVersion version = ProgramTexts.in(catalog.version(assignment.programVersionId).orElseThrow(),
                    language);
            return new Plan(assignment, version, found.prescription(), adherence.report(assignment, zone()), localToday(),
                    language);
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
