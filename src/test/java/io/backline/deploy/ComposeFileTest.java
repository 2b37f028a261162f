package io.backline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml runs the app with the variables production sets, Keycloak with the production realm and every
 * value its placeholders need, and the image the Jib build writes.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> compose = DeployFiles.documents(DeployFiles.DEPLOY.resolve("compose.yaml")).get(0);
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    @Test
    void theAppGetsEveryProductionVariable() {
        Map<String, Object> environment = environment("app");
        for (String variable : DeployFiles.productionVariables()) {
            assertTrue(environment.containsKey(variable), variable + " is missing from the app's environment");
        }
        assertEquals(true, service("app").get("read_only"));
    }

    @Test
    void keycloakImportsTheProductionRealmWithEveryPlaceholderSet() {
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) service("keycloak").get("volumes");
        String realm = volumes.stream().filter(v -> v.contains("/data/import/")).findFirst().orElseThrow();
        assertTrue(realm.startsWith("./keycloak/backline-realm-production.json:"), realm);
        assertTrue(Files.exists(DeployFiles.DEPLOY.resolve("keycloak/backline-realm-production.json")));
        Map<String, Object> environment = environment("keycloak");
        for (String placeholder : DeployFiles.placeholders(DeployFiles.read(DeployFiles.DEPLOY.resolve("keycloak/backline-realm-production.json")))) {
            assertTrue(environment.containsKey(placeholder), placeholder + " is missing from Keycloak's environment");
        }
    }

    @Test
    void keycloaksAdminConsoleIsOnlyReachableFromTheHost() throws java.io.IOException {
        @SuppressWarnings("unchecked")
        List<String> keycloakPorts = (List<String>) service("keycloak").get("ports");
        keycloakPorts.forEach(port -> assertTrue(port.startsWith("127.0.0.1:"), "Keycloak itself publishes " + port));
        assertEquals("http://localhost:" + keycloakPorts.get(0).split(":")[1], environment("keycloak").get("KC_HOSTNAME_ADMIN"));

        @SuppressWarnings("unchecked")
        List<String> publicPorts = (List<String>) service("keycloak-public").get("ports");
        assertEquals(List.of("8180:8080"), publicPorts);
        String proxy = DeployFiles.read(DeployFiles.DEPLOY.resolve("keycloak/public-paths.conf"));
        List<String> locations = proxy.lines().map(String::strip).filter(line -> line.startsWith("location "))
                .map(line -> line.substring("location ".length(), line.indexOf(" {"))).toList();
        assertEquals(List.of("/realms/", "/resources/", "/.well-known/", "/"), locations);
        assertTrue(proxy.replaceAll("\\s+", " ").contains("location / { return 404; }"), "everything else answers 404");
    }

    @Test
    void keycloakReadsThePasswordBlocklistFromTheRepository() {
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) service("keycloak").get("volumes");
        String mount = volumes.stream().filter(v -> v.contains(DeployFiles.KEYCLOAK_BLOCKLISTS)).findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak has no " + DeployFiles.KEYCLOAK_BLOCKLISTS));
        assertEquals("./keycloak/password-blocklist:" + DeployFiles.KEYCLOAK_BLOCKLISTS + ":ro", mount);
        assertTrue(Files.isRegularFile(DeployFiles.BLOCKLISTS.resolve(DeployFiles.blocklistOfTheProductionRealm())),
                "the list the realm's policy names is in the mounted folder");
    }

    @Test
    void keycloakServesTheRealmsThemeFromTheRepository() {
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) service("keycloak").get("volumes");
        assertTrue(volumes.contains("./keycloak/themes/backline:" + DeployFiles.KEYCLOAK_THEME + ":ro"), volumes.toString());
        assertTrue(DeployFiles.themeFiles().keySet().containsAll(List.of("login/theme.properties", "email/theme.properties")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppSignsInAsARuntimeRoleAndMigratesAsTheOwnerNeitherASuperuser() {
        Map<String, Object> app = environment("app");
        Map<String, Object> db = environment("db");
        String runtime = (String) app.get("BACKLINE_DB_USER");
        String owner = (String) app.get("BACKLINE_DB_OWNER_USER");
        assertNotEquals(owner, runtime);
        String superuser = (String) db.get("POSTGRES_USER");
        assertNotEquals(superuser, owner, "the owner is no superuser");
        assertNotEquals(superuser, runtime, "the app's role is no superuser");
        assertEquals(app.get("BACKLINE_DB_PASSWORD"), db.get("BACKLINE_DB_PASSWORD"));
        assertEquals(app.get("BACKLINE_DB_OWNER_PASSWORD"), db.get("BACKLINE_DB_OWNER_PASSWORD"));

        String init = ((List<String>) service("db").get("volumes")).stream()
                .filter(v -> v.contains(":/docker-entrypoint-initdb.d/")).findFirst().orElseThrow();
        String script = DeployFiles.read(DeployFiles.DEPLOY.resolve(init.substring(0, init.indexOf(':'))));
        String database = (String) db.get("POSTGRES_DB");
        assertTrue(script.contains("create role " + owner + " login password :'owner_password';"), script);
        assertTrue(script.contains("create role " + runtime + " login password :'runtime_password';"), script);
        assertTrue(script.contains("alter database " + database + " owner to " + owner + ";"), script);
        assertFalse(script.lines().filter(line -> !line.startsWith("#") && !line.startsWith("--"))
                .anyMatch(line -> line.toLowerCase().matches(".*\\b(superuser|createrole|createdb)\\b.*")), "no role gets powers");
        assertTrue(((String) app.get("BACKLINE_DB_URL")).endsWith("/" + database));
    }

    @Test
    void theAppRunsTheImageJibBuilds() {
        Map<String, String> pom = KubernetesManifestsTest.pomProperties();
        String image = pom.get("quarkus.container-image.group") + "/" + pom.get("quarkus.container-image.name") + ":"
                + pom.get("quarkus.container-image.tag");
        assertTrue(((String) service("app").get("image")).contains(image), "compose runs " + image + " by default");
    }
}
