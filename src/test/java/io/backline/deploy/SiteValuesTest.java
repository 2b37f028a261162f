package io.backline.deploy;

import static io.backline.deploy.DeployFiles.DEPLOY;
import static io.backline.deploy.DeployFiles.kind;
import static io.backline.deploy.DeployFiles.only;
import static io.backline.deploy.DeployFiles.spec;
import static io.backline.deploy.DeployFiles.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * What a site sets lives in its overlay's site.yaml and reaches every field that needs it; production refuses the
 * example hosts, registry and bucket; the autoscaler owns the replicas with a CPU request it can reason with; the
 * database is reached over verified TLS. With the pinned tools installed, deploy/kubernetes/check-manifests.sh (what CI
 * runs) passes too.
 */
class SiteValuesTest {

    static java.util.stream.Stream<Path> overlays() {
        return KubernetesManifestsTest.overlays();
    }

    @Test
    void productionRefusesToRenderTheExampleValues() {
        var failure = assertThrows(DeployFiles.CommandFailed.class,
                () -> DeployFiles.render(DEPLOY.resolve("kubernetes/overlays/production")));
        assertTrue(failure.getMessage().contains("exampleValuesAreNotForProduction"), failure.getMessage());
    }

    @Test
    void productionRefusesEachExampleValueOnItsOwn() {
        Map<String, String> others = KubernetesManifestsTest.TEST_SITE;
        for (String kept : others.keySet()) {
            Map<String, String> site = new java.util.HashMap<>(others);
            site.remove(kept);
            Path overlay = DeployFiles.withSite(site).resolve("overlays/production");
            assertThrows(DeployFiles.CommandFailed.class, () -> DeployFiles.render(overlay), kept + " left at its example");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void theSiteFileSetsEveryHostTheRegistryAndTheBackupStore(Path overlay) {
        Map<String, Object> site = DeployFiles.site(overlay);
        List<Map<String, Object>> objects = DeployFiles.render(overlay);
        assertFalse(objects.stream().anyMatch(o -> "Site".equals(kind(o))), "the site file stays out of the cluster");
        Ingress app = typed(only(objects, "Ingress", "backline"), Ingress.class);
        assertEquals(site.get("publicHost"), app.getSpec().getRules().get(0).getHost());
        assertEquals(site.get("publicHost"), app.getSpec().getTls().get(0).getHosts().get(0));
        for (var entry : Map.of("backline-keycloak", "keycloakHost", "backline-keycloak-admin", "keycloakAdminHost").entrySet()) {
            Ingress ingress = typed(only(objects, "Ingress", entry.getKey()), Ingress.class);
            assertEquals(site.get(entry.getValue()), ingress.getSpec().getRules().get(0).getHost());
            assertEquals(site.get(entry.getValue()), ingress.getSpec().getTls().get(0).getHosts().get(0));
        }
        ConfigMap config = typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class);
        assertEquals(site.get("keycloakHost"), URI.create(config.getData().get("BACKLINE_KEYCLOAK_URL")).getHost());
        String image = typed(only(objects, "Deployment", "backline"), Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
        assertTrue(image.startsWith(site.get("imageRegistry") + "/backline/backline:"), image);
        Map<String, Object> store = (Map<String, Object>) spec(only(objects, "ObjectStore", "backline-backups")).get("configuration");
        assertEquals(site.get("backupDestination"), store.get("destinationPath"));
        assertEquals(site.get("backupEndpoint"), store.get("endpointURL"));
        Map<String, Map<String, Object>> keys = (Map<String, Map<String, Object>>) store.get("s3Credentials");
        assertEquals(site.get("backupSecret"), keys.get("accessKeyId").get("name"));
        assertEquals(site.get("backupSecret"), keys.get("secretAccessKey").get("name"));
        if (overlay.endsWith("production")) {
            String rendered = DeployFiles.SERIALIZATION.asYaml(objects);
            assertFalse(rendered.contains("example.org") || rendered.contains("example-backline"), "an example value left in production");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSiteFileSetsTheNamespacesTheSmtpPortAndTheBackupSecretToo() {
        Path staging = DeployFiles.withSite(Map.of("ingressNamespace", "edge", "internalIngressNamespace", "edge-internal",
                "cnpgNamespace", "postgres-operator", "smtpPort", "2525", "backupSecret", "clinic-backup-keys"))
                .resolve("overlays/staging");
        String rendered = DeployFiles.SERIALIZATION.asYaml(DeployFiles.render(staging));
        for (String committed : List.of("ingress-nginx", "cnpg-system", "port: 587", "backline-backup-s3")) {
            assertFalse(rendered.contains(committed), committed + " left where a site value belongs");
        }
        for (String value : List.of("edge", "edge-internal", "postgres-operator", "port: 2525", "clinic-backup-keys")) {
            assertTrue(rendered.contains(value), value);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theAutoscalerOwnsTheReplicasAndScalesBeforeThePodsRunOutOfCpu(Path overlay) {
        List<Map<String, Object>> objects = DeployFiles.render(overlay);
        Deployment deployment = typed(only(objects, "Deployment", "backline"), Deployment.class);
        assertEquals(null, deployment.getSpec().getReplicas(), "an applied replica count would reset the autoscaler's");
        HorizontalPodAutoscaler hpa = typed(only(objects, "HorizontalPodAutoscaler", "backline"), HorizontalPodAutoscaler.class);
        var metric = hpa.getSpec().getMetrics().get(0).getResource();
        assertEquals("cpu", metric.getName());
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        double request = Quantity.getAmountInBytes(app.getResources().getRequests().get("cpu")).doubleValue();
        double limit = Quantity.getAmountInBytes(app.getResources().getLimits().get("cpu")).doubleValue();
        assertTrue(limit <= 2 * request, "the scheduler reserves at least half of what a pod may use");
        assertTrue(request * metric.getTarget().getAverageUtilization() / 100 <= limit / 2,
                "at the scale-out point a pod still has room for twice its load while new pods start");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void theAppVerifiesPostgresqlsCertificateWithCloudNativePgsCa(Path overlay) {
        List<Map<String, Object>> objects = DeployFiles.render(overlay);
        String url = typed(only(objects, "ConfigMap", "backline-config"), ConfigMap.class).getData().get("BACKLINE_DB_URL");
        assertTrue(url.contains("sslmode=verify-full"), url);
        var rootCert = java.util.regex.Pattern.compile("sslrootcert=([^&]+)").matcher(url);
        assertTrue(rootCert.find(), url);
        String cluster = url.replaceFirst("jdbc:postgresql://([a-z0-9-]+)-rw:.*", "$1");
        only(objects, "Cluster", cluster);
        var pod = typed(only(objects, "Deployment", "backline"), Deployment.class).getSpec().getTemplate().getSpec();
        var mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> rootCert.group(1).startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(rootCert.group(1) + " is mounted from nowhere"));
        var secret = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow().getSecret();
        assertEquals(cluster + "-ca", secret.getSecretName(), "CloudNativePG's CA of that cluster");
        String file = rootCert.group(1).substring(mount.getMountPath().length() + 1);
        assertTrue(secret.getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt") && i.getPath().equals(file)),
                "only the certificate, not the CA's key");
        assertEquals(null, spec(only(objects, "Cluster", cluster)).get("certificates"), "CloudNativePG makes and keeps the CA");
    }

    @Test
    void theManifestCheckThatCiRunsPasses() {
        Assumptions.assumeTrue(DeployFiles.manifestToolsInstalled(), "run deploy/kubernetes/check/install-tools.sh");
        String out = DeployFiles.run(List.of("bash", DEPLOY.resolve("kubernetes/check-manifests.sh").toString()), "");
        assertTrue(out.contains("ok   production refuses the example values"), out);
        assertFalse(out.contains("FAIL"), out);
    }
}
