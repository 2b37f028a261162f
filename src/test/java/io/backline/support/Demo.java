package io.backline.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The demo clinics' people, as deploy/keycloak/backline-realm.json and db/demo create them. */
public final class Demo {
    public static final String PASSWORD = "backline-demo";
    public static final String ROSE = "Rose City Movement";
    public static final String CEDAR = "Cedar Hills Strength";

    private Demo() {
    }

    /** A demo client's id in Backline, derived the same way as the demo data. */
    public static UUID clientId(String username) {
        return uuid5("backline-demo/client/" + username);
    }

    /** A demo staff member's id in Backline. */
    public static UUID staffId(String username) {
        return uuid5("backline-demo/staff/" + username);
    }

    /** A demo person's Keycloak subject. */
    public static UUID userId(String username) {
        return uuid5("backline-demo/" + username);
    }

    static UUID uuid5(String name) {
        try {
            var sha1 = java.security.MessageDigest.getInstance("SHA-1");
            sha1.update(uuidBytes(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8")));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] uuidBytes(UUID uuid) {
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
