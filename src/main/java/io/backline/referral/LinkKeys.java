package io.backline.referral;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys that sign providers' links, by id: one signs new links, the others still check the links they signed
 * until those expire, so a key can be rotated without breaking links already emailed. Checked once, at start: a
 * missing, short or badly named key stops the app with a sentence saying which setting to fix.
 */
final class LinkKeys {
    /** The id of {@code backline.referrals.link-secret}, which also checks links sent before keys had ids. */
    static final String DEFAULT_ID = "default";
    static final int MIN_BYTES = 32;
    /** Environment variables can carry nothing else in a map key (BACKLINE_REFERRALS_LINK_KEYS_K2027). */
    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");

    private final Map<String, byte[]> keys;
    private final String currentId;

    private LinkKeys(Map<String, byte[]> keys, String currentId) {
        this.keys = keys;
        this.currentId = currentId;
    }

    /** The keys as configured, or an {@link IllegalStateException} that says what to change. */
    static LinkKeys of(Optional<String> defaultKey, Map<String, String> otherKeys, String currentId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        defaultKey.filter(key -> !key.isEmpty()).ifPresent(key -> keys.put(DEFAULT_ID,
                strong("backline.referrals.link-secret (BACKLINE_LINK_SECRET)", key)));
        otherKeys.forEach((id, key) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("backline.referrals.link-keys." + id
                        + ": a link key's id is 1 to 32 lowercase letters and digits.");
            }
            if (keys.containsKey(id)) {
                throw new IllegalStateException("backline.referrals.link-keys.default and backline.referrals.link-secret "
                        + "(BACKLINE_LINK_SECRET) both set the key named default; keep one.");
            }
            keys.put(id, strong("backline.referrals.link-keys." + id, key));
        });
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("backline.referrals.link-key-id is " + currentId + ", but no key has that id: "
                    + (DEFAULT_ID.equals(currentId) ? "set BACKLINE_LINK_SECRET (backline.referrals.link-secret)"
                            : "set backline.referrals.link-keys." + currentId) + ".");
        }
        return new LinkKeys(Map.copyOf(keys), currentId);
    }

    String currentId() {
        return currentId;
    }

    byte[] current() {
        return keys.get(currentId);
    }

    /** The key with this id, if it is still configured. */
    Optional<byte[]> key(String id) {
        return Optional.ofNullable(id == null ? null : keys.get(id));
    }

    private static byte[] strong(String setting, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(setting + " is " + bytes.length + " bytes long; a key that signs providers' "
                    + "links needs at least " + MIN_BYTES + " (for example: openssl rand -hex 32).");
        }
        return bytes;
    }
}
