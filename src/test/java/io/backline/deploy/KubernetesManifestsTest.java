package io.backline.deploy;

import static io.backline.deploy.DeployFiles.DEPLOY;
import static io.backline.deploy.DeployFiles.containers;
import static io.backline.deploy.DeployFiles.kind;
import static io.backline.deploy.DeployFiles.metadata;
import static io.backline.deploy.DeployFiles.name;
import static io.backline.deploy.DeployFiles.only;
import static io.backline.deploy.DeployFiles.spec;
import static io.backline.deploy.DeployFiles.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kubernetes manifests under deploy/kubernetes, checked offline: every file parses into the Kubernetes model with
 * no unknown field, and the base and each overlay, rendered by kubectl's kustomize, hang together — probes, replicas,
 * limits, a non-root read-only container, the image Jib builds, every variable production needs, secrets that exist,
 * the database and Keycloak the app points at, the realm import that matches the production realm, and the password
 * blocklist that Keycloak mounts where that realm's policy reads it.
 */
class KubernetesManifestsTest {
    private static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "Ingress", Ingress.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "ConfigMap", ConfigMap.class, "NetworkPolicy", NetworkPolicy.class, "Job", Job.class);
    /**
     * Production's committed site.yaml names example hosts, registry and bucket, which it refuses: the tests render it
     * with these.
     */
    static final Map<String, String> TEST_SITE = Map.of("publicHost", "backline.clinic.test", "keycloakHost", "id.clinic.test",
            "keycloakAdminHost", "id-admin.clinic.internal", "imageRegistry", "registry.clinic.test:5000",
            "backupDestination", "s3://clinic-backups/backline/", "backupEndpoint", "https://minio.clinic.internal:9000");
    private static final Path PRODUCTION = DeployFiles.withSite(TEST_SITE).resolve("overlays/production");

    static Stream<Path> kustomizations() {
        return Stream.of(KUBERNETES.resolve("base"), KUBERNETES.resolve("overlays/staging"), PRODUCTION);
    }

    static Stream<Path> overlays() {
        return Stream.of(KUBERNETES.resolve("overlays/staging"), PRODUCTION);
    }

    static Stream<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !f.startsWith(KUBERNETES.resolve("check")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("manifestFiles")
    void everyManifestParsesIntoTheKubernetesModelWithNoUnknownField(Path file) {
        List<Map<String, Object>> documents = DeployFiles.documents(file);
        assertFalse(documents.isEmpty(), file + " is empty");
        for (Map<String, Object> document : documents) {
            assertNotNull(document.get("apiVersion"), file + ": apiVersion");
            assertNotNull(kind(document), file + ": kind");
            assertNotNull(name(document), file + ": metadata.name");
            Class<? extends HasMetadata> type = TYPED.get(kind(document));
            if (type != null) {
                HasMetadata object = typed(document, type);
                assertEquals(Set.of(), DeployFiles.unknownFields(object), file + ": fields the " + kind(document) + " model does not know");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theAppRunsAtLeastTwoReplicasWithHealthProbesLimitsAndNoRoot(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Deployment deployment = typed(only(objects, "Deployment", "backline"), Deployment.class);
        assertNull(deployment.getSpec().getReplicas(), "the HPA owns the replicas: an applied count would reset its choice");
        HorizontalPodAutoscaler hpa = typed(only(objects, "HorizontalPodAutoscaler", "backline"), HorizontalPodAutoscaler.class);
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "at least two pods");
        assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(),
                "a rolling update never goes below the replicas");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot(), "runAsNonRoot");
        assertTrue(pod.getSecurityContext().getRunAsUser() > 0, "runAsUser");
        assertEquals(1, pod.getContainers().size());
        Container app = pod.getContainers().get(0);
        assertEquals("http", app.getPorts().get(0).getName());
        assertEquals(8080, app.getPorts().get(0).getContainerPort());
        assertEquals("management", app.getPorts().get(1).getName());
        assertEquals(9000, app.getPorts().get(1).getContainerPort());
        assertProbe(app.getReadinessProbe(), "/q/health/ready");
        assertProbe(app.getLivenessProbe(), "/q/health/live");
        assertProbe(app.getStartupProbe(), "/q/health/started");
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = app.getResources().getRequests().get(resource);
            Quantity limit = app.getResources().getLimits().get(resource);
            assertNotNull(request, "request " + resource);
            assertNotNull(limit, "limit " + resource);
            assertTrue(Quantity.getAmountInBytes(limit).compareTo(Quantity.getAmountInBytes(request)) >= 0, resource + " limit >= request");
        }
        assertTrue(app.getSecurityContext().getReadOnlyRootFilesystem(), "read-only root filesystem");
        assertFalse(app.getSecurityContext().getAllowPrivilegeEscalation(), "no privilege escalation");
        assertEquals(List.of("ALL"), app.getSecurityContext().getCapabilities().getDrop());
        String tmpVolume = app.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("/tmp must be writable")).getName();
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow().getEmptyDir());
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal()); // off the public port
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void serviceIngressAutoscalerAndDisruptionBudgetPointAtTheApp(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Deployment deployment = typed(only(objects, "Deployment", "backline"), Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));

        Service service = typed(only(objects, "Service", "backline"), Service.class);
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "Service selects the pods");
        assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());

        Ingress ingress = typed(only(objects, "Ingress", "backline"), Ingress.class);
        IngressBackend backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend();
        assertEquals(service.getMetadata().getName(), backend.getService().getName());
        assertEquals(service.getSpec().getPorts().get(0).getName(), backend.getService().getPort().getName());
        assertEquals(ingress.getSpec().getRules().get(0).getHost(), ingress.getSpec().getTls().get(0).getHosts().get(0),
                "TLS for the host the Ingress serves");

        HorizontalPodAutoscaler hpa = typed(only(objects, "HorizontalPodAutoscaler", "backline"), HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals("backline", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "HPA keeps two or more");
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());

        PodDisruptionBudget pdb = typed(only(objects, "PodDisruptionBudget", "backline"), PodDisruptionBudget.class);
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        assertTrue(pdb.getSpec().getMinAvailable().getIntVal() >= 1);
        assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < hpa.getSpec().getMinReplicas(), "a node can still be drained");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theImageIsTheOneJibBuilds(Path kustomization) {
        Map<String, String> pom = pomProperties();
        String jibImage = pom.get("quarkus.container-image.group") + "/" + pom.get("quarkus.container-image.name");
        String image = typed(only(DeployFiles.render(kustomization), "Deployment", "backline"), Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        assertTrue(image.matches(".+:[A-Za-z0-9._-]+"), "a tagged image: " + image);
        assertTrue(image.substring(0, image.lastIndexOf(':')).endsWith(jibImage), image + " is " + jibImage + " somewhere");
        if (kustomization.endsWith("base")) {
            assertEquals(jibImage + ":" + pom.get("project.version"), image, "the base names what the build writes");
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyProductionVariableIsSetFromTheConfigMapOrASecretThatExists(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Set<String> onlyTheMigrationNeeds = Set.of("BACKLINE_DB_OWNER_USER", "BACKLINE_DB_OWNER_PASSWORD");
        for (Container container : List.of(appContainer(objects), migrationContainer(objects))) {
            ConfigMap config = typed(only(objects, "ConfigMap", container.getEnvFrom().get(0).getConfigMapRef().getName()), ConfigMap.class);
            Set<String> set = new HashSet<>(config.getData().keySet());
            container.getEnv().forEach(env -> set.add(env.getName()));
            for (String variable : DeployFiles.productionVariables()) {
                if (container.getName().equals("migrate") || !onlyTheMigrationNeeds.contains(variable)) {
                    assertTrue(set.contains(variable), variable + " (read by %prod in application.properties) is not set in " + container.getName());
                }
            }
            Set<String> databaseSecrets = new HashSet<>();
            objects.stream().filter(o -> "Cluster".equals(kind(o))).forEach(o -> {
                databaseSecrets.add(name(o) + "-app");
                managedRoles(o).forEach(role -> databaseSecrets.add(passwordSecret(role)));
            });
            Set<String> documentedKeys = documentedSecretKeys();
            // The one literal of each: whether the container migrates (docs/adr/0060).
            Set<String> switches = Set.of("QUARKUS_FLYWAY_ACTIVE", "QUARKUS_INIT_AND_EXIT");
            for (EnvVar env : container.getEnv()) {
                if (switches.contains(env.getName())) {
                    continue;
                }
                assertNull(env.getValue(), env.getName() + " comes from a ConfigMap or a Secret, not a literal");
                var ref = env.getValueFrom().getSecretKeyRef();
                if (ref.getName().equals("backline-secrets")) {
                    assertTrue(documentedKeys.contains(ref.getKey()), "deploy/README.md creates backline-secrets with " + ref.getKey());
                } else {
                    assertTrue(databaseSecrets.contains(ref.getName()), ref.getName() + " is neither backline-secrets nor a CloudNativePG app secret");
                }
            }
        }
        ConfigMap config = typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class);
        String database = config.getData().get("BACKLINE_DB_URL");
        Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z0-9_]+)\\?.*").matcher(database);
        assertTrue(url.matches(), "BACKLINE_DB_URL points at a CloudNativePG read-write service: " + database);
        Map<String, Object> cluster = only(objects, "Cluster", url.group(1));
        assertEquals(url.group(2), initdb(cluster).get("database"));
        assertEquals(url.group(1) + "-app", secretOf(migrationContainer(objects), "BACKLINE_DB_OWNER_USER"),
                "Flyway migrates as the owner of the database the URL names");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void aJobMigratesOnceAndThePodsNeitherMigrateNorHoldTheOwnersPassword(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Container app = appContainer(objects);
        Container migrate = migrationContainer(objects);
        assertEquals("false", literal(app, "QUARKUS_FLYWAY_ACTIVE"), "pods do not migrate");
        assertTrue(app.getEnv().stream().noneMatch(e -> e.getName().startsWith("BACKLINE_DB_OWNER")), "pods hold no owner credentials");
        assertEquals("true", literal(migrate, "QUARKUS_INIT_AND_EXIT"), "the Job migrates, then exits");
        assertTrue(migrate.getEnv().stream().noneMatch(e -> e.getName().equals("QUARKUS_FLYWAY_ACTIVE")), "the Job's Flyway is on");
        assertEquals(app.getImage(), migrate.getImage(), "the Job migrates to the schema of the pods' own build");
        assertEquals(app.getEnvFrom(), migrate.getEnvFrom());

        Job job = typed(only(objects, "Job", "backline-migrate"), Job.class);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertNotEquals("Always", pod.getRestartPolicy());
        assertTrue(job.getSpec().getBackoffLimit() > 0, "a database that restarts under it gets another try");
        assertNotNull(job.getSpec().getTtlSecondsAfterFinished(), "a finished Job goes away, so the next release can apply one");
        assertFalse(pod.getAutomountServiceAccountToken());
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(migrate.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(migrate.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), migrate.getSecurityContext().getCapabilities().getDrop());
        assertNotNull(migrate.getResources().getLimits().get("memory"));
        assertEquals(Map.of("app.kubernetes.io/name", "backline", "app.kubernetes.io/component", "migration"),
                job.getSpec().getTemplate().getMetadata().getLabels(), "no Service selects the Job's pod");
    }

    private static Container appContainer(List<Map<String, Object>> objects) {
        return typed(only(objects, "Deployment", "backline"), Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Container migrationContainer(List<Map<String, Object>> objects) {
        return typed(only(objects, "Job", "backline-migrate"), Job.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String literal(Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(variable + " is not set in " + container.getName())).getValue();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theAppSignsInAsARuntimeRoleWithNoPowersAndMigratesAsTheOwner(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Container app = appContainer(objects);
        Container migrate = migrationContainer(objects);
        Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:").matcher(
                typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class).getData().get("BACKLINE_DB_URL"));
        assertTrue(url.find());
        Map<String, Object> cluster = only(objects, "Cluster", url.group(1));
        for (String variable : List.of("BACKLINE_DB_OWNER_USER", "BACKLINE_DB_OWNER_PASSWORD")) {
            assertEquals(name(cluster) + "-app", secretOf(migrate, variable), variable + ": the owner CloudNativePG made");
        }
        String runtimeSecret = secretOf(app, "BACKLINE_DB_USER");
        assertEquals(runtimeSecret, secretOf(app, "BACKLINE_DB_PASSWORD"));
        assertEquals(runtimeSecret, secretOf(migrate, "BACKLINE_DB_USER"), "the migrations grant rights to the role the pods sign in as");
        assertNotEquals(name(cluster) + "-app", runtimeSecret, "the app does not sign in as the owner");
        Map<String, Object> role = managedRoles(cluster).stream().filter(r -> passwordSecret(r).equals(runtimeSecret))
                .findFirst().orElseThrow(() -> new AssertionError(runtimeSecret + " is no managed role's password secret"));
        assertEquals("present", role.get("ensure"));
        assertEquals(true, role.get("login"));
        for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
            assertEquals(false, role.get(power), power);
        }
        assertNotEquals(initdb(cluster).get("owner"), role.get("name"));
    }

    private static String secretOf(Container app, String variable) {
        return app.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(variable + " is not set")).getValueFrom().getSecretKeyRef().getName();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> managedRoles(Map<String, Object> cluster) {
        Map<String, Object> managed = (Map<String, Object>) spec(cluster).getOrDefault("managed", Map.of());
        return (List<Map<String, Object>>) managed.getOrDefault("roles", List.of());
    }

    @SuppressWarnings("unchecked")
    private static String passwordSecret(Map<String, Object> role) {
        return (String) ((Map<String, Object>) role.get("passwordSecret")).get("name");
    }

    private static void assertNull(Object value, String message) {
        assertEquals(null, value, message);
    }

    /** Keycloak's "exposed path recommendations": the public host serves sign-in, the admin console is internal. */
    @ParameterizedTest
    @MethodSource("kustomizations")
    @SuppressWarnings("unchecked")
    void keycloaksPublicHostServesNoAdminPathAndItsAdminHostIsInternal(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Map<String, Object> keycloak = objects.stream().filter(o -> "Keycloak".equals(kind(o))).findFirst().orElseThrow();
        Map<String, Object> hostname = (Map<String, Object>) spec(keycloak).get("hostname");
        assertEquals(false, ((Map<String, Object>) spec(keycloak).get("ingress")).get("enabled"),
                "the operator's Ingress would publish every path");
        String service = name(keycloak) + "-service";

        Ingress publicHost = typed(only(objects, "Ingress", "backline-keycloak"), Ingress.class);
        assertEquals(java.net.URI.create((String) hostname.get("hostname")).getHost(), publicHost.getSpec().getRules().get(0).getHost());
        assertEquals(publicHost.getSpec().getRules().get(0).getHost(), publicHost.getSpec().getTls().get(0).getHosts().get(0));
        assertEquals(1, publicHost.getSpec().getRules().size());
        var paths = publicHost.getSpec().getRules().get(0).getHttp().getPaths();
        assertEquals(Set.of("/realms/", "/resources/", "/.well-known/"),
                paths.stream().map(path -> path.getPath()).collect(java.util.stream.Collectors.toSet()));
        paths.forEach(path -> assertEquals(service, path.getBackend().getService().getName()));

        Ingress adminHost = typed(only(objects, "Ingress", "backline-keycloak-admin"), Ingress.class);
        String admin = java.net.URI.create((String) hostname.get("admin")).getHost();
        assertNotEquals(publicHost.getSpec().getRules().get(0).getHost(), admin, "the admin console has a host of its own");
        assertEquals(admin, adminHost.getSpec().getRules().get(0).getHost());
        assertNotEquals(publicHost.getSpec().getIngressClassName(), adminHost.getSpec().getIngressClassName(),
                "the admin host is served by the internal ingress controller, not the public one");

        ConfigMap config = typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class);
        assertEquals("http://" + service + ":8080", config.getData().get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"),
                "the app reaches the admin API inside the cluster");
        assertEquals(true, hostname.get("backchannelDynamic"), "Keycloak answers the app on the Service's name");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    @SuppressWarnings("unchecked")
    void keycloakAndPostgresComeFromTheirOperatorsAndLineUp(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Map<String, Object> keycloak = objects.stream().filter(o -> "Keycloak".equals(kind(o))).findFirst().orElseThrow();
        assertEquals("k8s.keycloak.org/v2alpha1", keycloak.get("apiVersion"));
        Map<String, Object> db = (Map<String, Object>) spec(keycloak).get("db");
        assertEquals("postgres", db.get("vendor"));
        String host = (String) db.get("host");
        assertTrue(host.endsWith("-rw"), "Keycloak's database is a CloudNativePG read-write service");
        Map<String, Object> keycloakDb = only(objects, "Cluster", host.substring(0, host.length() - 3));
        assertEquals(initdb(keycloakDb).get("database"), db.get("database"));
        assertEquals(name(keycloakDb) + "-app", ((Map<String, Object>) db.get("usernameSecret")).get("name"));
        assertEquals(name(keycloakDb) + "-app", ((Map<String, Object>) db.get("passwordSecret")).get("name"));
        ConfigMap config = typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class);
        assertEquals(((Map<String, Object>) spec(keycloak).get("hostname")).get("hostname"), config.getData().get("BACKLINE_KEYCLOAK_URL"),
                "the app signs in at the Keycloak hostname (token issuers must match)");
        for (Map<String, Object> cluster : objects.stream().filter(o -> "Cluster".equals(kind(o))).toList()) {
            assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion"));
            assertNotNull(((Map<String, Object>) spec(cluster).get("storage")).get("size"));
            assertTrue((Integer) spec(cluster).get("instances") >= (kustomization.endsWith("staging") && name(cluster).equals("keycloak-db") ? 1 : 2),
                    name(cluster) + " has a standby");
        }
        if (kustomization.endsWith("production")) {
            objects.forEach(o -> assertEquals("backline", metadata(o).get("namespace"), kind(o) + "/" + name(o)));
            assertTrue((Integer) spec(only(objects, "Cluster", "backline-db")).get("instances") >= 3);
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    @SuppressWarnings("unchecked")
    void theRealmImportIsTheProductionRealmWithEveryPlaceholderFromTheSecret(Path kustomization) throws IOException {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Map<String, Object> realmImport = objects.stream().filter(o -> "KeycloakRealmImport".equals(kind(o))).findFirst().orElseThrow();
        assertEquals("k8s.keycloak.org/v2alpha1", realmImport.get("apiVersion"));
        Map<String, Object> keycloak = objects.stream().filter(o -> "Keycloak".equals(kind(o))).findFirst().orElseThrow();
        assertEquals(name(keycloak), spec(realmImport).get("keycloakCRName"));
        Path realmFile = DEPLOY.resolve("keycloak/backline-realm-production.json");
        Map<String, Object> realm = new ObjectMapper().readValue(realmFile.toFile(), Map.class);
        assertEquals(realm, spec(realmImport).get("realm"),
                "base/keycloak-realm-import.yaml is out of date: run deploy/kubernetes/update-realm-import.sh");
        Map<String, Object> placeholders = (Map<String, Object>) spec(realmImport).get("placeholders");
        Set<String> documentedKeys = documentedSecretKeys();
        for (String variable : DeployFiles.placeholders(DeployFiles.read(realmFile))) {
            Map<String, Object> secret = (Map<String, Object>) ((Map<String, Object>) placeholders.get(variable)).get("secret");
            assertEquals("backline-secrets", secret.get("name"), variable);
            assertTrue(documentedKeys.contains((String) secret.get("key")), "deploy/README.md creates backline-secrets with " + secret.get("key"));
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    @SuppressWarnings("unchecked")
    void keycloakAndItsRealmImportReadThePasswordBlocklistOfTheRepository(Path kustomization) throws IOException {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Map<String, Object> keycloak = objects.stream().filter(o -> "Keycloak".equals(kind(o))).findFirst().orElseThrow();
        Map<String, Object> podTemplate = (Map<String, Object>) ((Map<String, Object>) spec(keycloak).get("unsupported")).get("podTemplate");
        PodSpec pod = typed((Map<String, Object>) podTemplate.get("spec"), PodSpec.class);
        assertEquals(Set.of(), DeployFiles.unknownFields(pod), "fields the pod model does not know");
        var mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(DeployFiles.KEYCLOAK_BLOCKLISTS)).findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak has nothing at " + DeployFiles.KEYCLOAK_BLOCKLISTS));
        String configMapName = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow().getConfigMap().getName();
        ConfigMap lists = typed(only(objects, "ConfigMap", configMapName), ConfigMap.class);
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.list(DeployFiles.BLOCKLISTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                expected.put(file.getFileName().toString(), DeployFiles.read(file));
            }
        }
        assertEquals(expected, new TreeMap<>(lists.getData()),
                "base/keycloak-password-blocklist.yaml is out of date: run deploy/kubernetes/update-realm-import.sh");
        assertTrue(lists.getData().containsKey(DeployFiles.blocklistOfTheProductionRealm()), "the list the realm's policy names");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    @SuppressWarnings("unchecked")
    void keycloakAndItsRealmImportServeTheThemeOfTheRepositoryFileByFile(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        Map<String, Object> keycloak = objects.stream().filter(o -> "Keycloak".equals(kind(o))).findFirst().orElseThrow();
        Map<String, Object> podTemplate = (Map<String, Object>) ((Map<String, Object>) spec(keycloak).get("unsupported")).get("podTemplate");
        PodSpec pod = typed((Map<String, Object>) podTemplate.get("spec"), PodSpec.class);
        var mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(DeployFiles.KEYCLOAK_THEME)).findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak has nothing at " + DeployFiles.KEYCLOAK_THEME));
        var configMap = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow().getConfigMap();
        ConfigMap theme = typed(only(objects, "ConfigMap", configMap.getName()), ConfigMap.class);
        Map<String, String> served = new TreeMap<>();
        configMap.getItems().forEach(item -> served.put(item.getPath(), theme.getData().get(item.getKey())));
        Map<String, String> expected = DeployFiles.themeFiles();
        assertEquals(expected.keySet(), served.keySet(),
                "keycloak.yaml's items must name every file of deploy/keycloak/themes/backline, at its path");
        assertEquals(expected, served, "base/keycloak-backline-theme.yaml is out of date: run deploy/kubernetes/update-realm-import.sh");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    @SuppressWarnings("unchecked")
    void theDatabaseHasEveryExtensionTheMigrationsCreate(Path kustomization) throws IOException {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        ConfigMap config = typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class);
        Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:").matcher(config.getData().get("BACKLINE_DB_URL"));
        assertTrue(url.find());
        List<String> postInit = (List<String>) initdb(only(objects, "Cluster", url.group(1)))
                .getOrDefault("postInitApplicationSQL", List.of());
        try (Stream<Path> migrations = Files.list(DeployFiles.ROOT.resolve("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher extension = Pattern.compile("(?i)create extension if not exists (\\w+)").matcher(DeployFiles.read(migration));
                while (extension.find()) {
                    String name = extension.group(1).toLowerCase();
                    assertTrue(postInit.stream().anyMatch(sql -> sql.toLowerCase().endsWith("exists " + name)),
                            migration.getFileName() + " creates extension " + name
                                    + ": the app's role is no superuser, so CloudNativePG must create it (postInitApplicationSQL)");
                }
            }
        }
    }

    @Test
    void containersOnlyInTheAppAndItsMigrationAndEveryOverlayChangesTheImageRegistry() {
        for (Path overlay : overlays().toList()) {
            List<Map<String, Object>> objects = DeployFiles.render(overlay);
            assertEquals(2, objects.stream().filter(o -> !containers(o).isEmpty()).count(), "the app's Deployment and its migration Job");
            for (Container container : List.of(appContainer(objects), migrationContainer(objects))) {
                assertTrue(container.getImage().contains("/backline/backline:"), "an overlay pulls from a registry: " + container.getImage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> initdb(Map<String, Object> cluster) {
        return (Map<String, Object>) ((Map<String, Object>) spec(cluster).get("bootstrap")).get("initdb");
    }

    /** The keys that deploy/README.md's command puts into backline-secrets. */
    static Set<String> documentedSecretKeys() {
        Set<String> keys = new HashSet<>();
        Matcher matcher = Pattern.compile("--from-literal=([a-z0-9-]+)=").matcher(DeployFiles.read(DEPLOY.resolve("README.md")));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    static Map<String, String> pomProperties() {
        String pom = DeployFiles.read(DeployFiles.ROOT.resolve("pom.xml"));
        Map<String, String> properties = new java.util.HashMap<>();
        Matcher matcher = Pattern.compile("<(quarkus\\.container-image\\.[a-z]+)>([^<]+)</").matcher(pom);
        while (matcher.find()) {
            properties.put(matcher.group(1), matcher.group(2));
        }
        Matcher version = Pattern.compile("<artifactId>backline</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find());
        properties.put("project.version", version.group(1));
        properties.replaceAll((k, v) -> v.replace("${project.version}", version.group(1)));
        return properties;
    }
}
