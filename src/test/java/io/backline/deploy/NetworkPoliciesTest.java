package io.backline.deploy;

import static io.backline.deploy.DeployFiles.kind;
import static io.backline.deploy.DeployFiles.metadata;
import static io.backline.deploy.DeployFiles.name;
import static io.backline.deploy.DeployFiles.spec;
import static io.backline.deploy.DeployFiles.typed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

/**
 * Who can reach whom once each overlay is applied: its NetworkPolicy objects and the one the Keycloak Operator makes
 * from the Keycloak resource, evaluated as Kubernetes does (a pod that a policy of a direction selects accepts only
 * what one of them allows; the sender's egress and the receiver's ingress must both allow a connection).
 */
class NetworkPoliciesTest {

    /** A pod (namespace and labels) or, with no namespace, an address outside the cluster. */
    record Endpoint(String namespace, Map<String, String> labels) {
        boolean external() {
            return namespace == null;
        }
    }

    static Stream<Path> overlays() {
        return KubernetesManifestsTest.overlays();
    }

    /** The policies of a rendered overlay, with the pods and outside addresses around it. */
    static final class Cluster {
        final List<NetworkPolicy> policies = new ArrayList<>();
        final Map<String, Object> site;
        final String namespace;
        final Endpoint app, migration, keycloak, realmImport, backlineDb, keycloakDb, otherPod, ingressController, internalIngress,
                cnpgOperator, barmanCloudPlugin, objectStoreInCluster, dns, elsewhere, mailServer, internet;

        Cluster(Path overlay) {
            List<Map<String, Object>> objects = DeployFiles.render(overlay);
            site = DeployFiles.site(overlay);
            namespace = (String) metadata(objects.get(0)).get("namespace");
            objects.stream().filter(o -> "NetworkPolicy".equals(kind(o))).forEach(o -> policies.add(typed(o, NetworkPolicy.class)));
            objects.stream().filter(o -> "Keycloak".equals(kind(o))).forEach(o -> policies.addAll(keycloakOperatorPolicy(o, namespace)));
            app = new Endpoint(namespace, Map.of("app.kubernetes.io/name", "backline", "app.kubernetes.io/component", "app"));
            migration = new Endpoint(namespace, Map.of("app.kubernetes.io/name", "backline", "app.kubernetes.io/component", "migration",
                    "batch.kubernetes.io/job-name", "backline-migrate"));
            keycloak = new Endpoint(namespace, Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", "backline-keycloak"));
            realmImport = new Endpoint(namespace, Map.of("app", "keycloak-realm-import", "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", "backline-keycloak"));
            backlineDb = new Endpoint(namespace, Map.of("cnpg.io/cluster", "backline-db", "cnpg.io/podRole", "instance"));
            keycloakDb = new Endpoint(namespace, Map.of("cnpg.io/cluster", "keycloak-db", "cnpg.io/podRole", "instance"));
            otherPod = new Endpoint(namespace, Map.of("app", "something-else"));
            ingressController = new Endpoint((String) site.get("ingressNamespace"), Map.of("app.kubernetes.io/name", "ingress-nginx"));
            internalIngress = new Endpoint((String) site.get("internalIngressNamespace"), Map.of("app.kubernetes.io/name", "ingress-nginx"));
            cnpgOperator = new Endpoint((String) site.get("cnpgNamespace"), Map.of("app.kubernetes.io/name", "cloudnative-pg"));
            barmanCloudPlugin = new Endpoint((String) site.get("cnpgNamespace"), Map.of("app", "barman-cloud"));
            objectStoreInCluster = new Endpoint("minio", Map.of("app", "minio"));
            dns = new Endpoint("kube-system", Map.of("k8s-app", "kube-dns"));
            elsewhere = new Endpoint("another-team", app.labels());
            mailServer = new Endpoint(null, Map.of());
            internet = new Endpoint(null, Map.of());
        }

        /** The port of the site's backupEndpoint (https: 443 unless it names one). */
        int objectStorePort() {
            java.net.URI endpoint = java.net.URI.create((String) site.get("backupEndpoint"));
            return endpoint.getPort() > 0 ? endpoint.getPort() : "http".equals(endpoint.getScheme()) ? 80 : 443;
        }

        int smtpPort() {
            return ((Number) site.get("smtpPort")).intValue();
        }

        boolean connects(Endpoint from, Endpoint to, int port) {
            return admits(from, to, port, "Egress") && admits(to, from, port, "Ingress");
        }

        private boolean admits(Endpoint self, Endpoint peer, int port, String direction) {
            if (self.external()) {
                return true;
            }
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> p.getMetadata().getNamespace().equals(self.namespace()))
                    .filter(p -> p.getSpec().getPolicyTypes().contains(direction))
                    .filter(p -> selects(p.getSpec().getPodSelector(), self.labels())).toList();
            if (selecting.isEmpty()) {
                return true;
            }
            for (NetworkPolicy policy : selecting) {
                if (direction.equals("Ingress")) {
                    for (var rule : policy.getSpec().getIngress()) {
                        if (ports(rule.getPorts(), port) && peers(rule.getFrom(), peer, policy)) {
                            return true;
                        }
                    }
                } else {
                    for (var rule : policy.getSpec().getEgress()) {
                        if (ports(rule.getPorts(), port) && peers(rule.getTo(), peer, policy)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static boolean ports(List<NetworkPolicyPort> ports, int port) {
            return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort().getIntVal() == port);
        }

        private static boolean peers(List<NetworkPolicyPeer> peers, Endpoint peer, NetworkPolicy policy) {
            if (peers == null || peers.isEmpty()) {
                return true;
            }
            for (NetworkPolicyPeer candidate : peers) {
                if (candidate.getIpBlock() != null) {
                    // 0.0.0.0/0 and the like: any address; a CNI may count pods' addresses in too.
                    if (candidate.getIpBlock().getCidr().endsWith("/0")) {
                        return true;
                    }
                } else if (!peer.external()) {
                    boolean namespace = candidate.getNamespaceSelector() == null
                            ? peer.namespace().equals(policy.getMetadata().getNamespace())
                            : selects(candidate.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", peer.namespace()));
                    boolean pod = candidate.getPodSelector() == null || selects(candidate.getPodSelector(), peer.labels());
                    if (namespace && pod) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean selects(LabelSelector selector, Map<String, String> labels) {
            assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(), "only matchLabels here");
            Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    /**
     * The policy the Keycloak Operator (26.1+) makes for its pods from spec.networkPolicy: HTTP from the http peers,
     * the management port from the management peers, JGroups from the Keycloak pods; an empty list admits anyone.
     */
    @SuppressWarnings("unchecked")
    static List<NetworkPolicy> keycloakOperatorPolicy(Map<String, Object> keycloak, String namespace) {
        Map<String, Object> spec = (Map<String, Object>) spec(keycloak).getOrDefault("networkPolicy", Map.of());
        if (Boolean.FALSE.equals(spec.get("enabled"))) {
            return List.of();
        }
        Map<String, String> server = Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", name(keycloak));
        var policy = new NetworkPolicyBuilder().withNewMetadata().withName(name(keycloak) + "-network-policy").withNamespace(namespace)
                .endMetadata().withNewSpec().withPolicyTypes("Ingress").withNewPodSelector().withMatchLabels(server).endPodSelector();
        policy.addToIngress(new NetworkPolicyIngressRuleBuilder().withPorts(port(8080)).withFrom(peers(spec.get("http"))).build());
        policy.addToIngress(new NetworkPolicyIngressRuleBuilder().withPorts(port(7800), port(57800))
                .withFrom(new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(server).endPodSelector().build()).build());
        policy.addToIngress(new NetworkPolicyIngressRuleBuilder().withPorts(port(9000)).withFrom(peers(spec.get("management"))).build());
        return List.of(policy.endSpec().build());
    }

    @SuppressWarnings("unchecked")
    private static List<NetworkPolicyPeer> peers(Object list) {
        return list == null ? List.of()
                : ((List<Map<String, Object>>) list).stream().map(p -> typed(p, NetworkPolicyPeer.class)).toList();
    }

    private static NetworkPolicyPort port(int port) {
        return new NetworkPolicyPortBuilder().withPort(new IntOrString(port)).withProtocol("TCP").build();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theAppTakesRequestsOnlyFromTheIngressController(Path overlay) {
        Cluster c = new Cluster(overlay);
        assertTrue(c.connects(c.ingressController, c.app, 8080));
        assertFalse(c.connects(c.internalIngress, c.app, 8080), "the internal ingress controller serves Keycloak's console only");
        assertFalse(c.connects(c.otherPod, c.app, 8080), "another pod of the namespace");
        assertFalse(c.connects(c.keycloak, c.app, 8080));
        assertFalse(c.connects(c.elsewhere, c.app, 8080), "a pod in another namespace, even with the app's labels");
        assertFalse(c.connects(c.internet, c.app, 8080));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresqlTakesConnectionsOnlyFromTheAppAndKeycloakBesidesCloudNativePg(Path overlay) {
        Cluster c = new Cluster(overlay);
        assertTrue(c.connects(c.app, c.backlineDb, 5432));
        assertTrue(c.connects(c.keycloak, c.keycloakDb, 5432));
        assertTrue(c.connects(c.realmImport, c.keycloakDb, 5432), "the realm import writes Keycloak's database");
        assertFalse(c.connects(c.app, c.keycloakDb, 5432), "the app has no business in Keycloak's database");
        assertFalse(c.connects(c.keycloak, c.backlineDb, 5432), "nor Keycloak in Backline's");
        for (Endpoint stranger : List.of(c.otherPod, c.ingressController, c.elsewhere, c.internet)) {
            assertFalse(c.connects(stranger, c.backlineDb, 5432), stranger.toString());
            assertFalse(c.connects(stranger, c.keycloakDb, 5432), stranger.toString());
        }
        // What CloudNativePG needs to run the clusters: its operator, and the instances replicating from each other.
        assertTrue(c.connects(c.cnpgOperator, c.backlineDb, 8000));
        assertTrue(c.connects(c.cnpgOperator, c.keycloakDb, 8000));
        assertFalse(c.connects(c.cnpgOperator, c.backlineDb, 5432), "the operator reads the status, not the data");
        assertTrue(c.connects(c.backlineDb, c.backlineDb, 5432));
        assertFalse(c.connects(c.keycloakDb, c.backlineDb, 5432), "one cluster does not replicate from the other");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keycloakTakesRequestsOnlyFromTheIngressControllersAndTheApp(Path overlay) {
        Cluster c = new Cluster(overlay);
        assertTrue(c.connects(c.ingressController, c.keycloak, 8080), "sign-in pages");
        assertTrue(c.connects(c.internalIngress, c.keycloak, 8080), "the admin console");
        assertTrue(c.connects(c.app, c.keycloak, 8080), "the admin API");
        for (Endpoint stranger : List.of(c.otherPod, c.backlineDb, c.elsewhere, c.internet)) {
            assertFalse(c.connects(stranger, c.keycloak, 8080), stranger.toString());
            assertFalse(c.connects(stranger, c.keycloak, 9000), stranger + " on the management port");
        }
        assertTrue(c.connects(c.keycloak, c.keycloak, 7800), "Keycloak's pods share their caches");
        assertFalse(c.connects(c.otherPod, c.keycloak, 7800));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theAppReachesOnlyPostgresqlKeycloakMailAndDns(Path overlay) {
        Cluster c = new Cluster(overlay);
        assertTrue(c.connects(c.app, c.backlineDb, 5432));
        assertTrue(c.connects(c.app, c.keycloak, 8080));
        assertTrue(c.connects(c.app, c.ingressController, 443), "Keycloak's public host, for sign-in tokens and keys");
        assertTrue(c.connects(c.app, c.mailServer, c.smtpPort()), "the site's SMTP port");
        assertTrue(c.connects(c.app, c.dns, 53));
        assertFalse(c.connects(c.app, c.internet, 443), "no other outside address");
        assertFalse(c.connects(c.app, c.mailServer, c.smtpPort() == 25 ? 465 : 25), "mail only on the site's port");
        assertFalse(c.connects(c.app, c.otherPod, 8080));
        assertFalse(c.connects(c.app, c.keycloakDb, 5432));
        assertFalse(c.connects(c.app, c.elsewhere, 8080));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theMigrationReachesOnlyBacklinesDatabaseAndNothingReachesIt(Path overlay) {
        Cluster c = new Cluster(overlay);
        assertTrue(c.connects(c.migration, c.backlineDb, 5432));
        assertTrue(c.connects(c.migration, c.dns, 53));
        assertFalse(c.connects(c.migration, c.keycloakDb, 5432));
        assertFalse(c.connects(c.migration, c.keycloak, 8080));
        assertFalse(c.connects(c.migration, c.internet, 443));
        assertFalse(c.connects(c.migration, c.mailServer, c.smtpPort()));
        for (Endpoint stranger : List.of(c.ingressController, c.otherPod, c.app, c.internet)) {
            assertFalse(c.connects(stranger, c.migration, 8080), stranger.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void backupsLeaveTheDatabasePodsAndCloudNativePgStillReachesThem(Path overlay) {
        Cluster c = new Cluster(overlay);
        for (Endpoint db : List.of(c.backlineDb, c.keycloakDb)) {
            // The Barman Cloud plugin's sidecar runs in each instance's pod and uploads WAL and base backups from there.
            assertTrue(c.connects(db, c.internet, c.objectStorePort()), db + " to the bucket at the site's endpoint");
            assertTrue(c.connects(db, c.objectStoreInCluster, 9000), db + " to an object store inside the cluster");
            assertTrue(c.connects(db, c.internet, 6443), db + " to the Kubernetes API, which its instance manager watches");
            assertTrue(c.connects(db, c.dns, 53));
            // The operator reads each instance's status and asks it for backups on 8000; the plugin's own pod talks
            // to the operator only, and to the sidecar through a socket inside the instance's pod.
            assertTrue(c.connects(c.cnpgOperator, db, 8000), db.toString());
            assertFalse(c.connects(c.barmanCloudPlugin, db, 5432), "the plugin reads no data over the network");
        }
        assertFalse(c.connects(c.objectStoreInCluster, c.backlineDb, 5432), "the object store never connects back");
    }
}
