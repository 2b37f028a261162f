package io.backline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The production realm (deploy/keycloak/backline-realm-production.json) is the dev realm without what only dev may
 * have: the same roles and clients (less the password-grant demo client backline-cli and the mfa-required role) with
 * the same settings, the same sign-in flow (less the dev realm's extra condition that spares the demo staff a second
 * factor), no people (only the admin client's service account, which carries its roles), no demo clinics, and every
 * secret, URL and mail setting read from the environment when Keycloak imports it.
 */
class ProductionRealmTest {
    private static final Path KEYCLOAK = DeployFiles.DEPLOY.resolve("keycloak");
    private static final Set<String> DEV_ONLY_CLIENTS = Set.of("backline-cli");
    private static final Set<String> DEV_ONLY_ROLES = Set.of("mfa-required");
    /** How the dev realm names the conditions that only it has (docs/adr/0033). */
    private static final String DEV_ONLY_CONDITION = "(dev realm)";
    /** Client fields that name a host or hold a secret: placeholders in production. */
    private static final Set<String> PER_ENVIRONMENT = Set.of("secret", "rootUrl", "redirectUris", "webOrigins");
    private static JsonNode dev;
    private static JsonNode prod;
    private static String prodText;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        dev = json.readTree(KEYCLOAK.resolve("backline-realm.json").toFile());
        prodText = DeployFiles.read(KEYCLOAK.resolve("backline-realm-production.json"));
        prod = json.readTree(prodText);
    }

    @Test
    void productionHasEveryClientOfTheDevRealmButTheDemoTokenClient() {
        Map<String, JsonNode> devClients = byName(dev.path("clients"), "clientId");
        Map<String, JsonNode> prodClients = byName(prod.path("clients"), "clientId");
        devClients.keySet().removeAll(DEV_ONLY_CLIENTS);
        assertEquals(devClients.keySet(), prodClients.keySet());
        devClients.forEach((id, devClient) -> assertEquals(withoutPerEnvironment(devClient), withoutPerEnvironment(prodClients.get(id)),
                "client " + id + " differs from the dev realm in more than its secrets and URLs"));
    }

    @Test
    void productionHasEveryRoleOfTheDevRealm() {
        assertEquals(filter(dev.path("roles").path("realm"), role -> !DEV_ONLY_ROLES.contains(role.path("name").asText())),
                prod.path("roles").path("realm"));
        JsonNode devClientRoles = dev.path("roles").path("client").deepCopy();
        if (devClientRoles instanceof ObjectNode roles) {
            DEV_ONLY_CLIENTS.forEach(roles::remove);
        }
        assertEquals(devClientRoles, prod.path("roles").path("client"));
    }

    @Test
    void productionHasNoPeopleAndNoDemoClinics() {
        for (JsonNode user : prod.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "a person in the production realm: " + user.path("username"));
            assertFalse(user.has("credentials"), "a service account has no password");
        }
        Map<String, JsonNode> devServiceAccounts = byName(filter(dev.path("users"), u -> u.hasNonNull("serviceAccountClientId")), "username");
        devServiceAccounts.keySet().removeIf(name -> DEV_ONLY_CLIENTS.stream().anyMatch(name::endsWith));
        assertEquals(devServiceAccounts, byName(prod.path("users"), "username"),
                "each service account keeps the roles it has in the dev realm");
        assertTrue(prod.path("organizations").isMissingNode() || prod.path("organizations").isEmpty(),
                "clinics (organizations) are created in production, not imported");
        assertFalse(prodText.contains("demo"), "nothing from the demo data");
        assertFalse(prodText.contains("localhost"), "no local address");
    }

    @Test
    void secretsUrlsAndMailSettingsComeFromTheEnvironment() {
        for (JsonNode client : prod.path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                assertTrue(client.path("secret").asText().matches("\\$\\{BACKLINE_[A-Z_]+}"), client.path("clientId") + " secret");
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertTrue(uri.asText().startsWith("${BACKLINE_BASE_URL}"), "redirect URI " + uri);
            }
        }
        JsonNode web = byName(prod.path("clients"), "clientId").get("backline-web");
        assertEquals("${BACKLINE_BASE_URL}", web.path("rootUrl").asText());
        JsonNode smtp = prod.path("smtpServer");
        for (String field : List.of("host", "port", "from", "user", "password")) {
            assertTrue(smtp.path(field).asText().startsWith("${BACKLINE_"), "smtpServer." + field);
        }
        assertFalse(DeployFiles.placeholders(prodText).isEmpty());
    }

    @Test
    void realmSettingsOtherThanPeopleClientsAndMailAreTheDevRealms() {
        ObjectNode devSettings = dev.deepCopy();
        ObjectNode prodSettings = prod.deepCopy();
        for (String field : List.of("users", "organizations", "clients", "smtpServer", "roles", "authenticationFlows", "authenticatorConfig")) {
            devSettings.remove(field);
            prodSettings.remove(field);
        }
        assertEquals(devSettings, prodSettings);
        assertNotNull(prod.get("passwordPolicy"));
    }

    @Test
    void bothRealmsUseBacklinesThemeInEnglishOrSpanishWithInvitationAttributesOnlyAdminsSee() throws IOException {
        for (JsonNode realm : List.of(dev, prod)) {
            assertEquals("backline", realm.path("loginTheme").asText());
            assertEquals("backline", realm.path("emailTheme").asText());
            assertTrue(realm.path("internationalizationEnabled").asBoolean());
            assertEquals("[\"en\",\"es\"]", realm.path("supportedLocales").toString());
            assertEquals("en", realm.path("defaultLocale").asText());
            JsonNode profile = new ObjectMapper().readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                    .path(0).path("config").path("kc.user.profile.config").path(0).asText());
            Map<String, JsonNode> attributes = byName(profile.path("attributes"), "name");
            for (String name : List.of("backlineInvitedBy", "backlineClinic", "backlineInvitedAs", "backlineInvitationExpires")) {
                JsonNode permissions = attributes.get(name).path("permissions");
                assertEquals("[\"admin\"]", permissions.path("view").toString(), name + ": the person does not see it");
                assertEquals("[\"admin\"]", permissions.path("edit").toString(), name + ": nor change it");
            }
        }
    }

    @Test
    void bothRealmsKeepARecordOfSignInsAndAdminChangesWithoutPeoplesDetails() {
        for (JsonNode realm : List.of(dev, prod)) {
            assertTrue(realm.path("eventsEnabled").asBoolean());
            assertTrue(realm.path("eventsExpiration").asLong() > 0, "sign-ins expire");
            Set<String> types = new java.util.HashSet<>();
            realm.path("enabledEventTypes").forEach(type -> types.add(type.asText()));
            assertTrue(types.containsAll(List.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "CODE_TO_TOKEN_ERROR", "UPDATE_PASSWORD",
                    "UPDATE_TOTP", "REMOVE_TOTP", "SEND_RESET_PASSWORD", "EXECUTE_ACTIONS")), types.toString());
            assertTrue(realm.path("adminEventsEnabled").asBoolean());
            assertFalse(realm.path("adminEventsDetailsEnabled").asBoolean(), "an admin event would carry emails and names");
            assertTrue(realm.path("attributes").path("adminEventsExpiration").asLong() > 0, "admin events expire");
        }
    }

    @Test
    void theServiceAccountHoldsOnlyWhatBacklineUses() {
        for (JsonNode realm : List.of(dev, prod)) {
            JsonNode account = byName(filter(realm.path("users"), u -> "backline-admin".equals(u.path("serviceAccountClientId").asText())),
                    "username").get("service-account-backline-admin");
            List<String> roles = new ArrayList<>();
            account.path("clientRoles").path("realm-management").forEach(role -> roles.add(role.asText()));
            assertEquals(List.of("manage-organizations", "manage-users", "view-events"), roles.stream().sorted().toList());
            assertEquals(Set.of("realm-management"), Set.copyOf(iterable(account.path("clientRoles").fieldNames())));
            assertTrue(account.path("realmRoles").isMissingNode() || account.path("realmRoles").isEmpty());
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void productionSignsInThroughTheDevRealmsFlowLessItsDevOnlyConditions() {
        var devFlows = (ArrayNode) dev.path("authenticationFlows").deepCopy();
        devFlows.forEach(flow -> ((ObjectNode) flow).set("authenticationExecutions", filter(flow.path("authenticationExecutions"),
                execution -> !execution.path("authenticatorConfig").asText().endsWith(DEV_ONLY_CONDITION))));
        assertEquals(devFlows, prod.path("authenticationFlows"));
        assertEquals(filter(dev.path("authenticatorConfig"), config -> !config.path("alias").asText().endsWith(DEV_ONLY_CONDITION)),
                prod.path("authenticatorConfig"));
        assertTrue(dev.path("authenticatorConfig").size() > prod.path("authenticatorConfig").size(), "the dev realm spares its demo staff");
    }

    @Test
    void productionAsksStaffForASecondFactor() {
        Map<String, JsonNode> flows = byName(prod.path("authenticationFlows"), "alias");
        JsonNode browser = flows.get(prod.path("browserFlow").asText());
        assertNotNull(browser, "browserFlow names a flow of the realm");
        assertTrue(browser.path("topLevel").asBoolean());
        Map<String, JsonNode> configs = byName(prod.path("authenticatorConfig"), "alias");
        Set<String> staffRoles = new TreeSet<>();
        for (JsonNode flow : prod.path("authenticationFlows")) {
            List<String> authenticators = new ArrayList<>();
            flow.path("authenticationExecutions").forEach(e -> authenticators.add(e.path("authenticator").asText()));
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if (execution.path("authenticator").asText().equals("conditional-user-role")) {
                    JsonNode config = configs.get(execution.path("authenticatorConfig").asText()).path("config");
                    assertEquals("false", config.path("negate").asText());
                    assertTrue(authenticators.contains("auth-otp-form"), flow.path("alias") + " asks for the code");
                    staffRoles.add(config.path("condUserRole").asText());
                }
            }
        }
        assertEquals(Set.of("clinic-admin", "trainer", "backline-operator"), staffRoles,
                "every staff role and the directory's operators must set up a second factor");
        assertTrue(prod.path("requiredActions").isMissingNode(), "Keycloak's default required actions, CONFIGURE_TOTP enabled");
    }

    @Test
    void productionRefusesCommonPasswordsFromTheListInTheRepository() {
        Matcher denylist = Pattern.compile("passwordBlacklist\\(([^)]+)\\)").matcher(prod.path("passwordPolicy").asText());
        assertTrue(denylist.find(), "the password policy has Keycloak's blocklist");
        Path list = KEYCLOAK.resolve("password-blocklist").resolve(denylist.group(1));
        List<String> passwords = DeployFiles.read(list).lines().toList();
        assertTrue(passwords.size() > 2000, "a few thousand common passwords");
        assertTrue(passwords.contains("password123456"));
        assertEquals(passwords.stream().map(String::toLowerCase).toList(), passwords,
                "lower case: Keycloak lowers the password before it looks it up");
    }

    private static JsonNode withoutPerEnvironment(JsonNode client) {
        ObjectNode copy = client.deepCopy();
        PER_ENVIRONMENT.forEach(copy::remove);
        if (copy.get("attributes") instanceof ObjectNode attributes) {
            attributes.remove("post.logout.redirect.uris");
        }
        return copy;
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream().collect(Collectors.toMap(n -> n.path(field).asText(), Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private static ArrayNode filter(JsonNode array, Predicate<JsonNode> keep) {
        var result = new ObjectMapper().createArrayNode();
        array.forEach(n -> {
            if (keep.test(n)) {
                result.add(n);
            }
        });
        return result;
    }
}
