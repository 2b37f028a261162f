package io.backline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.HttpServer;

import io.backline.health.ReadyProbe;

/**
 * deploy/compose.yaml runs the app with the variables production sets, Keycloak with the production realm and every
 * value its placeholders need, and the image the Jib build writes.
 */
class ComposeFileTest {

    /** Where compose publishes a port unless the operator sets BACKLINE_BIND: this host only. */
    private static final String BIND = "${BACKLINE_BIND:-127.0.0.1}";

    /** The file as compose reads it: YAML merge keys ({@code <<: *app-environment}) resolved. */
    private static Map<String, Object> compose() {
        return new Yaml().load(DeployFiles.read(DeployFiles.DEPLOY.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    /**
     * What the compose specification's JSON schema finds wrong. The schema is schema/compose-spec.json of
     * github.com/compose-spec/compose-spec at 170098ba07d9f53c383a41bfd4c5166b0a4529a6, vendored as a test resource.
     */
    private static Set<ValidationMessage> schemaErrors(Map<String, Object> compose) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:deploy/compose-spec.json"));
        return schema.validate(new ObjectMapper().valueToTree(compose));
    }

    @Test
    void theFileFollowsTheComposeSpecification() {
        assertEquals(Set.of(), schemaErrors(compose()));

        Map<String, Object> misspelt = compose();
        @SuppressWarnings("unchecked")
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) misspelt.get("services")).get("app");
        app.put("healtcheck", app.remove("healthcheck"));
        assertFalse(schemaErrors(misspelt).isEmpty(), "the schema refuses a misspelt key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPortListensOnThisHostUnlessTheOperatorSaysOtherwise() {
        Map<String, List<String>> published = new LinkedHashMap<>();
        ((Map<String, Object>) compose().get("services")).forEach((name, service) -> {
            List<String> ports = (List<String>) ((Map<String, Object>) service).get("ports");
            if (ports != null) {
                published.put(name, ports);
            }
        });
        assertEquals(Map.of("app", List.of(BIND + ":8080:8080"), "keycloak", List.of("127.0.0.1:8181:8080"),
                "keycloak-public", List.of(BIND + ":8180:8080"), "mail", List.of("127.0.0.1:8025:8025")), published);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppIsHealthyWhenItsReadinessCheckAnswers() throws Exception {
        List<String> test = (List<String>) ((Map<String, Object>) service("app").get("healthcheck")).get("test");
        assertEquals("CMD", test.get(0), "the image has no shell");
        assertEquals("java", test.get(1));
        assertEquals(ReadyProbe.class.getName(), test.get(test.size() - 1));
        assertTrue(test.contains("/home/jboss/app/*"), "the app's jar, where Jib puts it: " + test);

        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {503};
        management.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        management.start();
        try {
            String url = "http://127.0.0.1:" + management.getAddress().getPort() + "/q/health/ready";
            assertFalse(ReadyProbe.ready(url), "503: not ready");
            status[0] = 200;
            assertTrue(ReadyProbe.ready(url));
        } finally {
            management.stop(0);
        }
        assertFalse(ReadyProbe.ready("http://127.0.0.1:" + management.getAddress().getPort() + "/q/health/ready"),
                "nothing listening: not ready");
    }

    @Test
    void theAppRunsWithThePodsJvmOptions() {
        Map<String, Object> pod = DeployFiles.documents(DeployFiles.DEPLOY.resolve("kubernetes/base/app-configmap.yaml")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> podEnvironment = (Map<String, Object>) pod.get("data");
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX", "QUARKUS_SHUTDOWN_TIMEOUT")) {
            assertEquals(podEnvironment.get(variable), environment("app").get(variable), variable);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    @Test
    void theAppGetsEveryProductionVariableButTheOwnersWhichOnlyTheMigrationGets() {
        Set<String> owner = Set.of("BACKLINE_DB_OWNER_USER", "BACKLINE_DB_OWNER_PASSWORD");
        for (String variable : DeployFiles.productionVariables()) {
            assertTrue(environment("migrate").containsKey(variable), variable + " is missing from the migration's environment");
            assertEquals(!owner.contains(variable), environment("app").containsKey(variable), variable + " in the app's environment");
        }
        assertEquals(true, service("app").get("read_only"));
        assertEquals(true, service("migrate").get("read_only"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSchemaIsMigratedOnceBeforeTheAppStartsAndTheAppDoesNotMigrate() {
        assertEquals("true", environment("migrate").get("QUARKUS_INIT_AND_EXIT"), "the migration exits once done");
        assertFalse(environment("migrate").containsKey("QUARKUS_FLYWAY_ACTIVE"));
        assertEquals("false", environment("app").get("QUARKUS_FLYWAY_ACTIVE"));
        assertEquals(service("app").get("image"), service("migrate").get("image"), "the schema of the app's own build");
        Map<String, Object> waitsFor = (Map<String, Object>) service("app").get("depends_on");
        assertEquals(Map.of("condition", "service_completed_successfully"), waitsFor.get("migrate"));
        assertEquals("no", service("migrate").get("restart"), "it runs once per up");
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
        assertEquals(List.of(BIND + ":8180:8080"), publicPorts);
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
        Map<String, Object> migrate = environment("migrate");
        Map<String, Object> db = environment("db");
        String runtime = (String) app.get("BACKLINE_DB_USER");
        assertEquals(runtime, migrate.get("BACKLINE_DB_USER"), "the migrations grant rights to the role the app signs in as");
        String owner = (String) migrate.get("BACKLINE_DB_OWNER_USER");
        assertNotEquals(owner, runtime);
        String superuser = (String) db.get("POSTGRES_USER");
        assertNotEquals(superuser, owner, "the owner is no superuser");
        assertNotEquals(superuser, runtime, "the app's role is no superuser");
        assertEquals(app.get("BACKLINE_DB_PASSWORD"), db.get("BACKLINE_DB_PASSWORD"));
        assertEquals(migrate.get("BACKLINE_DB_OWNER_PASSWORD"), db.get("BACKLINE_DB_OWNER_PASSWORD"));

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

        // The same roles as on Kubernetes: CloudNativePG's owner and its managed runtime role.
        Map<String, Object> cluster = DeployFiles.documents(DeployFiles.DEPLOY.resolve("kubernetes/base/postgres.yaml")).stream()
                .filter(o -> "Cluster".equals(DeployFiles.kind(o)) && "backline-db".equals(DeployFiles.name(o))).findFirst().orElseThrow();
        Map<String, Object> spec = DeployFiles.spec(cluster);
        assertEquals(owner, ((Map<String, Object>) ((Map<String, Object>) spec.get("bootstrap")).get("initdb")).get("owner"));
        assertEquals(runtime, ((List<Map<String, Object>>) ((Map<String, Object>) spec.get("managed")).get("roles")).get(0).get("name"));
    }

    @Test
    void theAppRunsTheImageJibBuilds() {
        Map<String, String> pom = KubernetesManifestsTest.pomProperties();
        String image = pom.get("quarkus.container-image.group") + "/" + pom.get("quarkus.container-image.name") + ":"
                + pom.get("quarkus.container-image.tag");
        assertTrue(((String) service("app").get("image")).contains(image), "compose runs " + image + " by default");
    }
}
