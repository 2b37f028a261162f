package io.backline.security;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.backline.security.RouteFixtures.Kind;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every route the application registers, read from its JAX-RS resources, is in {@link #MATRIX} with who may use it
 * and what its path names; a new route that is not fails {@link #everyRouteIsInTheMatrix}. Each test then walks the
 * whole matrix: CSRF on every form POST, another clinic's and another client's records, malformed ids, and the roles.
 * "Nothing written" means no transaction took a transaction id while the request ran (jobs are paused meanwhile).
 */
@QuarkusTest
class RouteMatrixTest {
    /** Who a route is for. Pages send the anonymous to sign in (302); the API answers them 401. */
    enum Audience { ANYONE, SIGNED_IN, CLIENT, TRAINER, STAFF, ADMIN, OPERATOR, PROVIDER, API_ANY, API_CLIENT, API_STAFF }

    record Route(Audience audience, Kind... kinds) {
    }

    static final Map<String, Route> MATRIX = Map.ofEntries(
            entry("GET /", new Route(Audience.SIGNED_IN)),
            entry("GET /signed-out", new Route(Audience.ANYONE)),
            entry("GET /logout", new Route(Audience.ANYONE)),
            entry("POST /sign-out", new Route(Audience.SIGNED_IN)),
            entry("POST /language", new Route(Audience.ANYONE)),
            entry("GET /clinic", new Route(Audience.ADMIN)),
            entry("GET /clinic/settings", new Route(Audience.ADMIN)),
            entry("GET /clinic/sign-ins", new Route(Audience.ADMIN)),
            entry("POST /clinic/settings", new Route(Audience.ADMIN)),
            entry("GET /dashboard", new Route(Audience.TRAINER)),
            entry("GET /group-assignments", new Route(Audience.STAFF)),
            entry("POST /group-assignments", new Route(Audience.STAFF)),
            entry("GET /clients", new Route(Audience.STAFF)),
            entry("GET /clients/{id}", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/assignments", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/assignments/{assignmentId}/prescription", new Route(Audience.STAFF, Kind.CLIENT, Kind.ASSIGNMENT)),
            entry("POST /clients/{id}/assignments/{assignmentId}/pause", new Route(Audience.STAFF, Kind.CLIENT, Kind.ASSIGNMENT)),
            entry("POST /clients/{id}/assignments/{assignmentId}/resume", new Route(Audience.STAFF, Kind.CLIENT, Kind.ASSIGNMENT)),
            entry("POST /clients/{id}/assignments/{assignmentId}/end", new Route(Audience.STAFF, Kind.CLIENT, Kind.ASSIGNMENT)),
            entry("GET /clients/{id}/profile", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/profile", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/profile/care-team", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/profile/care-team/{staffId}/remove", new Route(Audience.STAFF, Kind.CLIENT, Kind.STAFF)),
            entry("POST /clients/{id}/profile/care-team/{staffId}/lead", new Route(Audience.STAFF, Kind.CLIENT, Kind.STAFF)),
            entry("POST /clients/{id}/profile/deactivate", new Route(Audience.ADMIN, Kind.CLIENT)),
            entry("POST /clients/{id}/profile/reactivate", new Route(Audience.ADMIN, Kind.CLIENT)),
            entry("GET /clients/{id}/records/export", new Route(Audience.ADMIN, Kind.CLIENT)),
            entry("GET /clients/{id}/records/erase", new Route(Audience.ADMIN, Kind.CLIENT)),
            entry("POST /clients/{id}/records/erase", new Route(Audience.ADMIN, Kind.CLIENT)),
            entry("GET /clients/{id}/messages", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/messages", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("GET /messages", new Route(Audience.STAFF)),
            entry("GET /messages/count", new Route(Audience.SIGNED_IN)),
            entry("POST /messages/email", new Route(Audience.STAFF)),
            entry("POST /today/messages/email", new Route(Audience.CLIENT)),
            entry("GET /today/messages", new Route(Audience.CLIENT)),
            entry("POST /today/messages", new Route(Audience.CLIENT)),
            entry("GET /clients/{id}/safety", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/safety/clearances", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("GET /clients/{id}/safety/screening", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /clients/{id}/safety/screening", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("GET /staff", new Route(Audience.ADMIN)),
            entry("GET /staff/{id}", new Route(Audience.ADMIN, Kind.STAFF)),
            entry("POST /staff/{id}/deactivate", new Route(Audience.ADMIN, Kind.STAFF)),
            entry("POST /staff/{id}/reactivate", new Route(Audience.ADMIN, Kind.STAFF)),
            entry("GET /invitations", new Route(Audience.STAFF)),
            entry("POST /invitations", new Route(Audience.STAFF)),
            entry("POST /invitations/{id}/resend", new Route(Audience.STAFF, Kind.INVITATION)),
            entry("POST /invitations/{id}/revoke", new Route(Audience.STAFF, Kind.INVITATION)),
            entry("GET /audit", new Route(Audience.ADMIN)),
            entry("GET /programs", new Route(Audience.STAFF)),
            entry("GET /programs/{id}", new Route(Audience.STAFF, Kind.PROGRAM)),
            entry("GET /programs/versions/{id}", new Route(Audience.STAFF, Kind.VERSION)),
            entry("POST /programs/{id}/copy", new Route(Audience.STAFF, Kind.PROGRAM)),
            entry("GET /programs/{id}/edit", new Route(Audience.STAFF, Kind.PROGRAM)),
            entry("POST /programs/{id}/edit", new Route(Audience.STAFF, Kind.PROGRAM)),
            entry("GET /flags", new Route(Audience.STAFF)),
            entry("GET /flags/count", new Route(Audience.STAFF)),
            entry("GET /flags/{id}", new Route(Audience.STAFF, Kind.FLAG)),
            entry("POST /flags/{id}/acknowledge", new Route(Audience.STAFF, Kind.FLAG)),
            entry("POST /flags/{id}/note", new Route(Audience.STAFF, Kind.FLAG)),
            entry("POST /flags/{id}/resolve", new Route(Audience.STAFF, Kind.FLAG)),
            entry("POST /flags/{id}/resume", new Route(Audience.STAFF, Kind.FLAG)),
            entry("POST /flags/{id}/refer", new Route(Audience.STAFF, Kind.FLAG)),
            entry("GET /flags/drafts/{id}", new Route(Audience.STAFF, Kind.DRAFT)),
            entry("GET /flags/record/{id}", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("POST /flags/record/{id}", new Route(Audience.STAFF, Kind.CLIENT)),
            entry("GET /directory", new Route(Audience.STAFF)),
            entry("GET /directory/{id}", new Route(Audience.STAFF, Kind.PROVIDER)),
            entry("POST /directory/{id}/favourite", new Route(Audience.STAFF, Kind.PROVIDER)),
            entry("GET /directory/imports", new Route(Audience.ADMIN)),
            entry("POST /directory/imports", new Route(Audience.ADMIN)),
            entry("GET /directory/imports/{id}", new Route(Audience.ADMIN, Kind.IMPORT)),
            entry("POST /directory/{id}/update-link", new Route(Audience.STAFF, Kind.PROVIDER)),
            entry("GET /operator/directory", new Route(Audience.OPERATOR)),
            entry("POST /operator/directory", new Route(Audience.OPERATOR)),
            entry("GET /operator/directory/loads/{id}", new Route(Audience.OPERATOR, Kind.LOAD)),
            entry("GET /listing/{id}", new Route(Audience.PROVIDER, Kind.PROVIDER)),
            entry("POST /listing/{id}", new Route(Audience.PROVIDER, Kind.PROVIDER)),
            entry("GET /referrals", new Route(Audience.STAFF)),
            entry("GET /referrals/new", new Route(Audience.STAFF)),
            entry("POST /referrals", new Route(Audience.STAFF)),
            entry("GET /referrals/{id}", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("GET /referrals/{id}/letter", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("POST /referrals/{id}/consent", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("POST /referrals/{id}/consent/revoke", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("POST /referrals/{id}/send", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("POST /referrals/{id}/revoke-link", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("POST /referrals/{id}/cancel", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("POST /referrals/{id}/complete", new Route(Audience.STAFF, Kind.REFERRAL)),
            entry("GET /provider/referrals/{id}", new Route(Audience.PROVIDER, Kind.REFERRAL)),
            entry("POST /provider/referrals/{id}/acknowledge", new Route(Audience.PROVIDER, Kind.REFERRAL)),
            entry("POST /provider/referrals/{id}/schedule", new Route(Audience.PROVIDER, Kind.REFERRAL)),
            entry("POST /provider/referrals/{id}/decline", new Route(Audience.PROVIDER, Kind.REFERRAL)),
            entry("POST /provider/referrals/{id}/reply", new Route(Audience.PROVIDER, Kind.REFERRAL)),
            entry("GET /today", new Route(Audience.CLIENT)),
            entry("GET /today/print", new Route(Audience.CLIENT)),
            entry("GET /today/progress", new Route(Audience.CLIENT)),
            entry("GET /today/reminders", new Route(Audience.CLIENT)),
            entry("POST /today/reminders", new Route(Audience.CLIENT)),
            entry("POST /today/reminders/notifications", new Route(Audience.CLIENT)),
            entry("GET /today/notifications", new Route(Audience.CLIENT)),
            entry("GET /today/notifications/count", new Route(Audience.CLIENT)),
            entry("GET /today/notifications/{id}", new Route(Audience.CLIENT, Kind.NOTIFICATION)),
            entry("GET /unsubscribe/{token}", new Route(Audience.PROVIDER, Kind.UNSUBSCRIBE)),
            entry("POST /unsubscribe/{token}", new Route(Audience.PROVIDER, Kind.UNSUBSCRIBE)),
            entry("GET /today/my-data", new Route(Audience.CLIENT)),
            entry("GET /today/access", new Route(Audience.CLIENT)),
            entry("POST /today/sessions", new Route(Audience.CLIENT)),
            entry("GET /today/screening", new Route(Audience.CLIENT)),
            entry("POST /today/screening", new Route(Audience.CLIENT)),
            entry("GET /today/calendar", new Route(Audience.CLIENT)),
            entry("POST /today/calendar", new Route(Audience.CLIENT)),
            entry("POST /today/calendar/revoke", new Route(Audience.CLIENT)),
            entry("GET /calendar/{token}", new Route(Audience.PROVIDER, Kind.FEED)),
            entry("GET /today/flags", new Route(Audience.CLIENT)),
            entry("GET /today/flags/new", new Route(Audience.CLIENT)),
            entry("POST /today/flags", new Route(Audience.CLIENT)),
            entry("GET /today/flags/{id}", new Route(Audience.CLIENT, Kind.FLAG)),
            entry("GET /today/referrals", new Route(Audience.CLIENT)),
            entry("GET /today/referrals/{id}", new Route(Audience.CLIENT, Kind.REFERRAL)),
            entry("POST /today/referrals/{id}/consent", new Route(Audience.CLIENT, Kind.REFERRAL)),
            entry("POST /today/referrals/{id}/consent/revoke", new Route(Audience.CLIENT, Kind.REFERRAL)),
            entry("GET /api/v1/me", new Route(Audience.API_ANY)),
            entry("GET /api/v1/assignments", new Route(Audience.API_CLIENT)),
            entry("POST /api/v1/assignments/{id}/sessions", new Route(Audience.API_CLIENT, Kind.ASSIGNMENT)),
            entry("POST /api/v1/symptoms", new Route(Audience.API_CLIENT)),
            entry("GET /api/v1/clients/{id}", new Route(Audience.API_STAFF, Kind.CLIENT)),
            entry("GET /api/v1/referrals/{id}/fhir", new Route(Audience.API_STAFF, Kind.REFERRAL)),
            entry("GET /api/v1/directory/fhir", new Route(Audience.API_STAFF)));

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final String CSRF_COOKIE = "csrf-token";

    private static Map<Kind, String> rose;
    private static Map<Kind, String> cedar;
    private static final Map<Audience, SignIn.Session> SESSIONS = new EnumMap<>(Audience.class);
    private static SignIn.Session client;
    private static SignIn.Session trainer;
    private static SignIn.Session admin;
    private static SignIn.Session operator;

    @BeforeAll
    static void fixturesAndSessions() {
        Arc.container().instance(Scheduler.class).get().pause(); // no job writes while the routes are tried
        rose = RouteFixtures.makeFor("rose-city", "rose-trainer");
        cedar = RouteFixtures.makeFor("cedar-hills", "cedar-trainer");
        client = SignIn.as("rose-client1");
        trainer = SignIn.as("rose-trainer");
        admin = SignIn.as("rose-admin");
        operator = SignIn.as("directory-operator");
        for (var session : List.of(client, trainer, admin)) {
            session.open("/"); // every session holds its CSRF cookie from here on
        }
        operator.open("/operator/directory");
    }

    @AfterAll
    static void resumeJobs() {
        Arc.container().instance(Scheduler.class).get().resume();
    }

    @Test
    void everyRouteIsInTheMatrix() {
        assertEquals(new TreeSet<>(MATRIX.keySet()), registeredRoutes(),
                "a route is missing from the matrix (or the matrix names one the app no longer has)");
    }

    @Test
    void aFormPostWithoutItsTokenIsRefusedAndWritesNothing() {
        List<String> wrong = new ArrayList<>();
        forEachFormPost((key, path, session) -> expect(wrong, key + " without a token", 400,
                () -> form(session).post(path)));
        assertEquals(List.of(), wrong);
    }

    @Test
    void aFormPostWithAnotherSessionsTokenIsRefusedAndWritesNothing() {
        List<String> wrong = new ArrayList<>();
        forEachFormPost((key, path, session) -> {
            // A valid token, but of another signed-in person's session (or any session, for the provider's forms).
            String othersToken = (session == client ? trainer : client).cookies().get(CSRF_COOKIE);
            expect(wrong, key + " with another session's token", 400,
                    () -> form(session).formParam(CSRF_COOKIE, othersToken).post(path));
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void anotherClinicsRecordsAnswer404AndWriteNothing() {
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((key, route) -> {
            // The operator's loads and the providers' links belong to no clinic.
            if (route.kinds().length > 0 && route.audience() != Audience.PROVIDER && route.audience() != Audience.OPERATOR) {
                String path = fill(key, route, cedar);
                expect(wrong, key + " with Cedar Hills' records", 404, () -> call(key, route, path));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void anotherClientsRecordsAnswer404AndWriteNothing() {
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((key, route) -> {
            if (route.kinds().length > 0 && (route.audience() == Audience.CLIENT || route.audience() == Audience.API_CLIENT)) {
                // The Rose City fixture client is another client of rose-client1's own clinic.
                String path = fill(key, route, rose);
                expect(wrong, key + " with another client's records", 404, () -> call(key, route, path));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void malformedIdsAnswer404AndWriteNothing() {
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((key, route) -> {
            if (route.kinds().length > 0) {
                for (String malformed : List.of("not-an-id", "1%20or%201=1", "00000000-0000-0000-0000-00000000000g")) {
                    String path = PARAMETER.matcher(pathOf(key)).replaceAll(Matcher.quoteReplacement(malformed));
                    expect(wrong, key + " with " + malformed, 404, () -> call(key, route, path));
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void eachRoleGetsWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((key, route) -> {
            if (!key.startsWith("GET ") || route.audience() == Audience.PROVIDER
                    || (route.kinds().length > 0 && route.audience() == Audience.CLIENT)) {
                return; // the provider's pages need a link; a client's own records are covered by their journeys
            }
            String path = fill(key, route, rose) + (key.equals("GET /referrals/new")
                    ? "?provider=" + rose.get(Kind.PROVIDER) + "&client=" + rose.get(Kind.CLIENT) : "");
            boolean api = route.audience().name().startsWith("API");
            check(wrong, key, "anonymous", api ? Set.of(401) : route.audience() == Audience.ANYONE ? Set.of(200) : Set.of(302),
                    given().redirects().follow(false).get(path).statusCode());
            Map<String, SignIn.Session> roles = new LinkedHashMap<>();
            roles.put("rose-client1", client);
            roles.put("rose-trainer", trainer);
            roles.put("rose-admin", admin);
            roles.forEach((user, session) -> {
                int status = api ? given().redirects().follow(false).auth().oauth2(Tokens.accessToken(user)).get(path).statusCode()
                        : session.request().get(path).statusCode();
                check(wrong, key, user, allowed(route.audience(), user) ? Set.of(200, 303) : Set.of(403), status);
            });
            // The directory's operator works outside any clinic: their pages only, none of a clinic's.
            if (route.audience() == Audience.OPERATOR) {
                check(wrong, key, "directory-operator", Set.of(200), operator.request().get(path).statusCode());
            } else if (!api && route.audience() != Audience.ANYONE && route.audience() != Audience.SIGNED_IN) {
                check(wrong, key, "directory-operator", Set.of(403), operator.request().get(path).statusCode());
            }
        });
        assertEquals(List.of(), wrong);
    }

    private static boolean allowed(Audience audience, String user) {
        return switch (audience) {
            case ANYONE, SIGNED_IN, API_ANY -> true;
            case CLIENT, API_CLIENT -> user.equals("rose-client1");
            case TRAINER -> user.equals("rose-trainer");
            case STAFF, API_STAFF -> !user.equals("rose-client1");
            case ADMIN -> user.equals("rose-admin");
            case OPERATOR, PROVIDER -> false;
        };
    }

    @FunctionalInterface
    private interface FormPost {
        void post(String key, String path, SignIn.Session session);
    }

    /** Every page form POST, as the role it is for, on that role's own records. */
    private static void forEachFormPost(FormPost action) {
        MATRIX.forEach((key, route) -> {
            if (key.startsWith("POST ") && !route.audience().name().startsWith("API")) {
                action.post(key, fill(key, route, rose), sessionFor(route.audience()));
            }
        });
    }

    /** GET as the route's role; a form POST with that session's valid token; the API with a bearer token. */
    private static Response call(String key, Route route, String path) {
        boolean post = key.startsWith("POST ");
        if (route.audience().name().startsWith("API")) {
            String user = route.audience() == Audience.API_CLIENT ? "rose-client1" : "rose-admin";
            RequestSpecification api = given().redirects().follow(false).auth().oauth2(Tokens.accessToken(user));
            return post ? api.contentType("application/json").body("{}").post(path) : api.get(path);
        }
        SignIn.Session session = sessionFor(route.audience());
        if (!post) {
            return session == null ? given().redirects().follow(false).get(path) : session.request().get(path);
        }
        RequestSpecification form = form(session);
        if (session != null) {
            form.formParam(CSRF_COOKIE, session.cookies().get(CSRF_COOKIE));
        } else {
            // A provider's browser: not signed in, but holding a CSRF cookie and its token like anyone who loaded a page.
            String token = anonymousToken();
            form.cookie(CSRF_COOKIE, token).formParam(CSRF_COOKIE, token);
        }
        return form.post(path);
    }

    private static String anonymousToken() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SignIn.Session sessionFor(Audience audience) {
        return switch (audience) {
            case CLIENT -> client;
            case TRAINER -> trainer;
            case STAFF, ADMIN, SIGNED_IN -> admin;
            case OPERATOR -> operator;
            default -> null;
        };
    }

    private static RequestSpecification form(SignIn.Session session) {
        RequestSpecification form = given().redirects().follow(false)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-www-form-urlencoded").formParam("note", "route matrix");
        return session == null ? form : form.cookies(session.cookies());
    }

    /**
     * The answer's status is the one expected, and no transaction wrote while it ran. A job that was already running
     * when the scheduler paused can still commit, so a write is only reported when the request writes again once the
     * database has gone quiet.
     */
    private static void expect(List<String> wrong, String what, int status, Supplier<Response> request) {
        int actual = 0;
        boolean wrote = true;
        for (int attempt = 0; attempt < 2 && wrote; attempt++) {
            if (attempt > 0) {
                untilNothingWrites();
            }
            long before = nextTransactionId();
            actual = request.get().statusCode();
            wrote = nextTransactionId() != before;
        }
        if (actual != status) {
            wrong.add(what + ": expected " + status + " but was " + actual);
        }
        if (wrote) {
            wrong.add(what + ": wrote to the database");
        }
    }

    private static void untilNothingWrites() {
        long[] last = { -1 };
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long now = nextTransactionId();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }

    private static long nextTransactionId() {
        return Long.parseLong(TestData.string("select pg_snapshot_xmax(pg_current_snapshot())::text"));
    }

    private static void check(List<String> wrong, String key, String who, Set<Integer> expected, int actual) {
        if (!expected.contains(actual)) {
            wrong.add(key + " as " + who + ": expected " + expected + " but was " + actual);
        }
    }

    private static String pathOf(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }

    /** The route's path with each parameter replaced by the given clinic's record of that kind. */
    private static String fill(String key, Route route, Map<Kind, String> records) {
        Matcher parameter = PARAMETER.matcher(pathOf(key));
        StringBuilder path = new StringBuilder();
        int index = 0;
        while (parameter.find()) {
            parameter.appendReplacement(path, records.get(route.kinds()[index++]));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** "METHOD /path/{param}" for every resource method of the application's JAX-RS resources. */
    static Set<String> registeredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.backline")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class,
                        DELETE.class, PATCH.class)) {
                    if (method.isAnnotatedWith(verb)) {
                        String sub = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
                        path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                        routes.add(verb.getSimpleName() + " " + path);
                    }
                }
            }
        }
        return routes;
    }
}
