package io.backline.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Signs a demo user in the way a browser does: the app redirects to Keycloak, the user types the username on the
 * first page and the password on the second (organizations make the login identity-first), the one-time code on a
 * third if they have a second factor, and Keycloak sends the code back to the app, which sets its encrypted session
 * cookie. Nothing is mocked.
 */
public final class SignIn {
    private static final String APP = "http://localhost:8081";
    private static final String LOGIN_FORM = "form#kc-form-login";
    private static final String ONE_TIME_CODE_FORM = "form#kc-otp-login-form";

    private SignIn() {
    }

    /** A signed-in session: its cookies go on every request through {@link #request()}. */
    public record Session(String username, Map<String, String> cookies) {
        public RequestSpecification request() {
            return given().redirects().follow(false).cookies(cookies);
        }

        /**
         * Submits a form as a browser would: loads the page, takes the form whose action is given (with its CSRF
         * token and hidden fields), fills in the fields and posts it with the page's cookies.
         */
        public Response submit(String pagePath, String action, Map<String, ?> fields) {
            Response page = request().get(pagePath);
            Document html = Jsoup.parse(page.asString(), APP + pagePath);
            Element form = html.selectFirst("form[action=" + action + "]");
            if (form == null) {
                throw new AssertionError("No form posting to " + action + " on " + pagePath + " (" + page.statusLine() + ")");
            }
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (Element input : form.select("input[type=hidden][name]")) {
                values.put(input.attr("name"), input.val());
            }
            for (Element select : form.select("select[name]")) {
                Element option = select.selectFirst("option[selected]");
                option = option != null ? option : select.selectFirst("option");
                if (option != null) {
                    values.put(select.attr("name"), option.val());
                }
            }
            values.putAll(fields);
            keep(page);
            return form().cookies(cookies).formParams(values).post(action);
        }

        /** Posts again exactly what was posted before: a double click or a resent form. */
        public Response resubmit(String pagePath, String action, Map<String, ?> fields, Map<String, String> hidden) {
            Map<String, Object> values = new java.util.LinkedHashMap<>(hidden);
            values.putAll(fields);
            return form().cookies(cookies).formParams(values).post(action);
        }

        /** The hidden fields of a form on a page, e.g. its idempotency key. */
        public Map<String, String> hiddenFields(String pagePath, String action) {
            Response page = request().get(pagePath);
            keep(page);
            Document html = Jsoup.parse(page.asString(), APP + pagePath);
            Map<String, String> hidden = new HashMap<>();
            for (Element input : html.select("form[action=" + action + "] input[type=hidden][name]")) {
                hidden.put(input.attr("name"), input.val());
            }
            for (Element select : html.select("form[action=" + action + "] select[name]")) {
                Element option = select.selectFirst("option[selected]");
                option = option != null ? option : select.selectFirst("option");
                if (option != null) {
                    hidden.put(select.attr("name"), option.val());
                }
            }
            return hidden;
        }

        /** Keeps the cookies an answer set, as a browser does. */
        public void keepCookiesOf(Response answer) {
            keep(answer);
        }

        /** Opens a page as a browser tab would, keeping the cookies it sets. */
        public Response open(String pagePath) {
            Response page = request().get(APP + pagePath); // absolute: also before Quarkus sets RestAssured's port
            keep(page);
            return page;
        }

        /** Like a browser, keep the cookies a page sets (the CSRF cookie above all). */
        private void keep(Response page) {
            page.getCookies().forEach((name, value) -> {
                if (value != null && !value.isEmpty()) {
                    cookies.put(name, value);
                } else {
                    cookies.remove(name); // an emptied cookie is how a server removes it
                }
            });
        }
    }

    public static Session as(String username) {
        return as(username, Demo.PASSWORD);
    }

    public static Session as(String username, String password) {
        return as(username, password, null);
    }

    /** Signs in a member of several clinics, picking one on Keycloak's "select an organization" page. */
    public static Session as(String username, String password, String organization) {
        return as(username, password, organization, null);
    }

    /** Signs in someone with an authenticator app: after the password, Keycloak asks for the one-time code. */
    public static Session withOneTimeCode(String username, String oneTimeCode) {
        return as(username, Demo.PASSWORD, null, oneTimeCode);
    }

    private static Session as(String username, String password, String organization, String oneTimeCode) {
        Map<String, String> appCookies = new HashMap<>();
        Map<String, String> keycloakCookies = new HashMap<>();

        Response toKeycloak = given().urlEncodingEnabled(false).redirects().follow(false).get(APP + "/");
        appCookies.putAll(toKeycloak.getCookies());
        String loginUrl = expectRedirect(toKeycloak);

        // Walk Keycloak's pages as they come: username, then (for a member of several clinics) the organization
        // picker, then the password, then (for someone with a second factor) the one-time code, until Keycloak
        // redirects back to the app.
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).get(loginUrl);
        keycloakCookies.putAll(page.getCookies());
        boolean codeSent = false;
        for (int step = 0; step < 5 && page.statusCode() == 200; step++) {
            Document html = Jsoup.parse(page.asString(), loginUrl);
            Element picker = html.selectFirst("form:has(button[name=kc.org])");
            if (html.selectFirst(ONE_TIME_CODE_FORM) != null) {
                if (oneTimeCode == null) {
                    throw new AssertionError("Keycloak asks " + username + " for a one-time code");
                }
                if (codeSent) {
                    break; // the code was refused: stay on Keycloak's page, as a person would
                }
                page = submit(page, loginUrl, ONE_TIME_CODE_FORM, Map.of("otp", oneTimeCode), keycloakCookies);
                codeSent = true;
            } else if (picker != null) {
                if (organization == null) {
                    throw new AssertionError(username + " belongs to several clinics: name the one to pick");
                }
                page = given().urlEncodingEnabled(false).redirects().follow(false).cookies(keycloakCookies)
                        .contentType("application/x-www-form-urlencoded").formParam("kc.org", organization)
                        .post(picker.absUrl("action"));
            } else {
                page = submit(page, loginUrl, LOGIN_FORM, Map.of("username", username, "password", password), keycloakCookies);
            }
            keycloakCookies.putAll(page.getCookies());
        }
        Response backToApp = page;
        String callback = expectRedirect(backToApp);

        Response session = given().urlEncodingEnabled(false).redirects().follow(false).cookies(appCookies).get(callback);
        appCookies.putAll(session.getCookies());
        appCookies.entrySet().removeIf(cookie -> cookie.getValue() == null || cookie.getValue().isEmpty());
        if (appCookies.keySet().stream().noneMatch(name -> name.startsWith("q_session"))) {
            throw new AssertionError("No session after signing in as " + username + ": " + session.statusLine());
        }
        return new Session(username, appCookies);
    }

    /** A browser posts forms as plain application/x-www-form-urlencoded (no charset), which the CSRF filter expects. */
    static RequestSpecification form() {
        return given().redirects().follow(false)
                .config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-www-form-urlencoded");
    }

    private static Response submit(Response page, String pageUrl, String formSelector, Map<String, String> fields,
            Map<String, String> cookies) {
        Document html = Jsoup.parse(page.asString(), pageUrl);
        Element form = html.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No Keycloak login form on the page: " + html.title() + "\n" + html.text());
        }
        Map<String, String> values = new HashMap<>();
        for (Element input : form.select("input[name]")) {
            values.put(input.attr("name"), input.val());
        }
        values.putAll(fields);
        values.keySet().retainAll(form.select("input[name]").eachAttr("name"));
        return given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .formParams(values).post(form.absUrl("action"));
    }

    private static String expectRedirect(Response response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("Expected a redirect, got " + response.statusLine() + "\n"
                    + Jsoup.parse(response.asString()).text());
        }
        return URI.create(response.header("Location")).toString();
    }
}
