package io.backline.deploy;

import static io.backline.deploy.DeployFiles.kind;
import static io.backline.deploy.DeployFiles.name;
import static io.backline.deploy.DeployFiles.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every PostgreSQL cluster archives its WAL and is backed up every night to an object store with a stated retention
 * (docs/adr/0050), in every overlay; the restore runbook's manifests (docs/operations.md) name that store, the
 * clusters' folders, and never archive into the folder they restore from.
 */
class BackupManifestsTest {
    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    /** The parameters of the cluster's WAL archiver (the plugin entry with isWALArchiver). */
    private static Map<String, Object> walArchiver(Map<String, Object> cluster) {
        List<Map<String, Object>> archivers = list(spec(cluster).getOrDefault("plugins", List.of())).stream()
                .filter(p -> PLUGIN.equals(p.get("name")) && Boolean.TRUE.equals(p.get("isWALArchiver"))).toList();
        assertEquals(1, archivers.size(), name(cluster) + " archives its WAL through the Barman Cloud plugin");
        return map(archivers.get(0).get("parameters"));
    }

    @ParameterizedTest
    @MethodSource("io.backline.deploy.KubernetesManifestsTest#kustomizations")
    void everyClusterArchivesItsWalAndIsBackedUpEveryNight(Path kustomization) {
        List<Map<String, Object>> objects = DeployFiles.render(kustomization);
        List<String> stores = ofKind(objects, "ObjectStore").stream().map(DeployFiles::name).toList();
        List<Map<String, Object>> clusters = ofKind(objects, "Cluster");
        assertFalse(clusters.isEmpty());
        for (Map<String, Object> cluster : clusters) {
            assertTrue(stores.contains(walArchiver(cluster).get("barmanObjectName")), name(cluster) + " archives to a store " + stores);
            List<Map<String, Object>> nightly = ofKind(objects, "ScheduledBackup").stream()
                    .filter(b -> name(cluster).equals(map(spec(b).get("cluster")).get("name"))).toList();
            assertEquals(1, nightly.size(), name(cluster) + " has one ScheduledBackup");
            Map<String, Object> backup = spec(nightly.get(0));
            assertEquals("plugin", backup.get("method"));
            assertEquals(PLUGIN, map(backup.get("pluginConfiguration")).get("name"));
            // Six fields, seconds first: a fixed second, minute and hour, every day.
            assertTrue(((String) backup.get("schedule")).matches("\\d+ \\d+ \\d+ \\* \\* \\*"), backup.get("schedule").toString());
        }
    }

    @Test
    void theStoreKeepsThirtyDaysAndReadsItsKeysFromASecret() {
        Map<String, Object> store = DeployFiles.only(DeployFiles.documents(DeployFiles.DEPLOY.resolve("kubernetes/base/postgres.yaml")),
                "ObjectStore", "backline-backups");
        assertEquals("barmancloud.cnpg.io/v1", store.get("apiVersion"));
        assertEquals("30d", spec(store).get("retentionPolicy"));
        Map<String, Object> configuration = map(spec(store).get("configuration"));
        assertTrue(((String) configuration.get("destinationPath")).startsWith("s3://"));
        Map<String, Object> credentials = map(configuration.get("s3Credentials"));
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            assertNotNull(map(credentials.get(key)).get("name"), key + " comes from a Secret");
        }
        // The plugin's store keeps serverName empty: each cluster's folder is its own name.
        assertFalse(configuration.containsKey("serverName"));
    }

    @Test
    void stagingAndProductionArchiveIntoFoldersOfTheirOwn() {
        // Each cluster archives into <destination>/<cluster name>/, and both overlays name their clusters alike.
        Object staging = DeployFiles.site(DeployFiles.DEPLOY.resolve("kubernetes/overlays/staging")).get("backupDestination");
        Object production = DeployFiles.site(DeployFiles.DEPLOY.resolve("kubernetes/overlays/production")).get("backupDestination");
        assertFalse(staging.equals(production), "staging would archive into production's folders: " + staging);
    }

    /** The YAML blocks of docs/operations.md's "Backups and restore", one object each. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> runbookManifests() {
        String operations = DeployFiles.read(DeployFiles.ROOT.resolve("docs/operations.md"));
        String section = operations.substring(operations.indexOf("## Backups and restore"));
        List<Map<String, Object>> manifests = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^( *)```yaml\\n(.*?)^\\1```").matcher(section);
        while (block.find()) {
            String yaml = block.group(2).replaceAll("(?m)^" + block.group(1), "");
            manifests.add(DeployFiles.SERIALIZATION.unmarshal(yaml, Map.class));
        }
        return manifests;
    }

    @Test
    void theRunbookRestoresFromTheClustersFoldersAndNeverArchivesIntoThem() {
        List<Map<String, Object>> base = DeployFiles.documents(DeployFiles.DEPLOY.resolve("kubernetes/base/postgres.yaml"));
        List<String> clusters = ofKind(base, "Cluster").stream().map(DeployFiles::name).toList();
        String store = name(ofKind(base, "ObjectStore").get(0));
        List<Map<String, Object>> restores = ofKind(runbookManifests(), "Cluster");
        assertEquals(2, restores.size(), "a restore beside the live cluster, and one that replaces it");
        for (Map<String, Object> restore : restores) {
            Map<String, Object> recovery = map(map(spec(restore).get("bootstrap")).get("recovery"));
            Map<String, Object> source = list(spec(restore).get("externalClusters")).stream()
                    .filter(c -> c.get("name").equals(recovery.get("source"))).findFirst().orElseThrow();
            Map<String, Object> from = map(map(source.get("plugin")).get("parameters"));
            assertEquals(store, from.get("barmanObjectName"));
            assertTrue(clusters.contains(from.get("serverName")), "restores from a cluster's folder: " + from);
            assertNotNull(map(recovery.get("recoveryTarget")).get("targetTime"), "a point in time");
            if (spec(restore).containsKey("plugins")) {
                assertFalse(walArchiver(restore).get("serverName").equals(from.get("serverName")),
                        name(restore) + " archives into another folder than the one it restores from");
            }
        }
        // The replacement keeps what the app needs from production's live cluster; the copy beside it has room for it.
        Path production = KubernetesManifestsTest.overlays().filter(o -> o.endsWith("production")).findFirst().orElseThrow();
        Map<String, Object> live = DeployFiles.only(DeployFiles.render(production), "Cluster", "backline-db");
        Map<String, Object> replacement = DeployFiles.only(restores, "Cluster", "backline-db");
        for (String field : List.of("instances", "imageName", "storage", "managed", "postgresql", "resources", "affinity")) {
            assertEquals(spec(live).get(field), spec(replacement).get(field), field);
        }
        assertEquals(spec(live).get("storage"), spec(DeployFiles.only(restores, "Cluster", "backline-db-pitr")).get("storage"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSideCopyIsFencedLikeTheLiveDatabase() {
        List<Map<String, Object>> runbook = runbookManifests();
        for (Map<String, Object> copy : ofKind(runbook, "Cluster")) {
            if (name(copy).equals("backline-db")) {
                continue; // the replacement: the overlay's policy selects it by that name
            }
            List<Map<String, Object>> fences = ofKind(runbook, "NetworkPolicy").stream()
                    .filter(p -> name(copy).equals(map(map(spec(p).get("podSelector")).get("matchLabels")).get("cnpg.io/cluster")))
                    .toList();
            assertEquals(1, fences.size(), name(copy) + " holds clinical data: a policy must select its pods");
            Map<String, Object> fence = spec(fences.get(0));
            assertEquals(List.of("Ingress"), fence.get("policyTypes"));
            for (Map<String, Object> rule : list(fence.get("ingress"))) {
                for (Map<String, Object> peer : list(rule.get("from"))) {
                    Map<String, Object> pods = map(peer.get("podSelector"));
                    boolean ownInstances = pods != null && name(copy).equals(map(pods.get("matchLabels")).get("cnpg.io/cluster"));
                    boolean operatorsStatusPort = peer.containsKey("namespaceSelector")
                            && list(rule.get("ports")).stream().allMatch(p -> Integer.valueOf(8000).equals(p.get("port")));
                    assertTrue(ownInstances || operatorsStatusPort, "only its own instances, and the operator on 8000: " + peer);
                }
            }
        }
    }

    @Test
    void theRunbooksManifestsMatchTheOperatorsSchemas() {
        Assumptions.assumeTrue(DeployFiles.manifestToolsInstalled(), "run deploy/kubernetes/check/install-tools.sh");
        List<Map<String, Object>> runbook = runbookManifests();
        String out = DeployFiles.validate(runbook);
        assertTrue(out.contains(runbook.size() + " objects, " + runbook.size() + " valid"), out);
    }
}
