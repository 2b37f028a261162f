package io.backline.deploy;

import static io.backline.deploy.DeployFiles.kind;
import static io.backline.deploy.DeployFiles.only;
import static io.backline.deploy.DeployFiles.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keycloak resource of each overlay, as the Keycloak Operator (26.x) will read it: valid against the operator's
 * CRD schema (deploy/kubernetes/schemas), started so that its configuration applies, on its PostgreSQL, with the admin
 * console on an internal host only and its pods reachable only from the ingress controllers and the app.
 */
class KeycloakResourceTest {

    static java.util.stream.Stream<Path> overlays() {
        return KubernetesManifestsTest.overlays();
    }

    private static Map<String, Object> keycloak(Path overlay) {
        return DeployFiles.render(overlay).stream().filter(o -> "Keycloak".equals(kind(o))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theKeycloakResourceMatchesTheOperatorsSchema(Path overlay) {
        Assumptions.assumeTrue(DeployFiles.manifestToolsInstalled(), "run deploy/kubernetes/check/install-tools.sh");
        assertTrue(DeployFiles.validate(List.of(keycloak(overlay))).contains("1 valid"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSchemaRefusesAFieldTheOperatorDoesNotKnow() {
        Assumptions.assumeTrue(DeployFiles.manifestToolsInstalled(), "run deploy/kubernetes/check/install-tools.sh");
        Map<String, Object> keycloak = keycloak(KubernetesManifestsTest.overlays().findFirst().orElseThrow());
        Map<String, Object> hostname = new LinkedHashMap<>((Map<String, Object>) spec(keycloak).get("hostname"));
        hostname.put("adminURL", hostname.remove("admin"));
        spec(keycloak).put("hostname", hostname);
        var failure = assertThrows(DeployFiles.CommandFailed.class, () -> DeployFiles.validate(List.of(keycloak)));
        assertTrue(failure.getMessage().contains("adminURL"), failure.getMessage());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void theStockImageStartsUnoptimizedOnPostgresql(Path overlay) {
        Map<String, Object> spec = spec(keycloak(overlay));
        assertTrue(((String) spec.get("image")).startsWith("quay.io/keycloak/keycloak:"), "the stock image");
        assertEquals(false, spec.get("startOptimized"),
                "the stock image is not built for postgres and health: --optimized would ignore them");
        Map<String, Object> db = (Map<String, Object>) spec.get("db");
        assertEquals("postgres", db.get("vendor"));
        assertTrue(((String) db.get("host")).endsWith("-rw"), "the CloudNativePG primary");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void theAdminConsoleIsOnlyOnTheSitesInternalHost(Path overlay) {
        Map<String, Object> spec = spec(keycloak(overlay));
        Map<String, Object> site = DeployFiles.site(overlay);
        Map<String, Object> hostname = (Map<String, Object>) spec.get("hostname");
        assertEquals(site.get("keycloakHost"), URI.create((String) hostname.get("hostname")).getHost());
        assertEquals(site.get("keycloakAdminHost"), URI.create((String) hostname.get("admin")).getHost());
        assertNotEquals(hostname.get("hostname"), hostname.get("admin"));
        assertEquals(false, ((Map<String, Object>) spec.get("ingress")).get("enabled"), "the operator's Ingress publishes every path");
        var objects = DeployFiles.render(overlay);
        var publicIngress = DeployFiles.typed(only(objects, "Ingress", "backline-keycloak"),
                io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);
        publicIngress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                .forEach(path -> assertFalse(path.getPath().startsWith("/admin") || path.getPath().equals("/"), path.getPath())));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void theOperatorsNetworkPolicyNamesWhoMayCall(Path overlay) {
        Map<String, Object> policy = (Map<String, Object>) spec(keycloak(overlay)).get("networkPolicy");
        assertEquals(true, policy.get("enabled"));
        for (String port : List.of("http", "management")) {
            List<Map<String, Object>> peers = (List<Map<String, Object>>) policy.get(port);
            assertFalse(peers == null || peers.isEmpty(), port + ": an empty list lets anyone in");
            peers.forEach(peer -> assertFalse(peer.isEmpty(), port + ": an empty peer matches every pod"));
        }
    }
}
