package io.backline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which request id is kept: a trusted proxy's UUID, and nothing else. Plain JUnit: no server needed. */
class RequestIdTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aTrustedProxysUuidIsKept() {
        String proxys = "6F1C2F8E-2B7A-4A44-9D8E-0C3F4F1B2A11";
        assertEquals(proxys.toLowerCase(), RequestId.chosen(proxys, true));
    }

    @Test
    void anythingElseGetsANewUuid() {
        String uuid = UUID.randomUUID().toString();
        for (String header : new String[] { null, "", "<script>alert(1)</script>", "req-1", "1-1-1-1-1",
                uuid + "\r\nX-Evil: 1", uuid + "x" }) {
            String chosen = RequestId.chosen(header, true);
            assertTrue(chosen.matches(UUID_PATTERN), chosen);
            assertNotEquals(header, chosen);
        }
        assertNotEquals(uuid, RequestId.chosen(uuid, false), "a UUID from an untrusted peer is not kept either");
    }

    @Test
    void proxiesAreAddressesOrCidrBlocks() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", " 192.168.1.7 ", "fd00::/8"));
        assertTrue(proxies.contains("10.20.30.40"));
        assertTrue(proxies.contains("192.168.1.7"));
        assertFalse(proxies.contains("192.168.1.8"));
        assertFalse(proxies.contains("11.0.0.1"));
        assertTrue(proxies.contains("fd12:3456::1"));
        assertFalse(proxies.contains("fe80::1"));
        assertFalse(proxies.contains("proxy.example"), "names are never looked up");
        assertFalse(proxies.contains(null));
    }

    @Test
    void noProxyIsTrustedByDefault() {
        assertFalse(new TrustedProxies(List.of()).contains("127.0.0.1"));
    }

    @Test
    void aMistypedProxyStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
    }
}
