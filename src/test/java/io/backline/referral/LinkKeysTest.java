package io.backline.referral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The start-up checks of the link settings, without starting the app: each bad setting is refused with its name. */
class LinkKeysTest {
    private static final String STRONG = "0123456789abcdef0123456789abcdef";
    private static final String ROTATED = "fedcba9876543210fedcba9876543210";

    @Test
    void aKeyShorterThan32BytesStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LinkKeys.of(Optional.of("short-secret"), Map.of(), LinkKeys.DEFAULT_ID));
        assertTrue(refused.getMessage().contains("BACKLINE_LINK_SECRET") && refused.getMessage().contains("12 bytes"),
                refused.getMessage());
        IllegalStateException older = assertThrows(IllegalStateException.class,
                () -> LinkKeys.of(Optional.of(STRONG), Map.of("k2026", STRONG.substring(1)), LinkKeys.DEFAULT_ID));
        assertTrue(older.getMessage().contains("backline.referrals.link-keys.k2026") && older.getMessage().contains("31 bytes"),
                older.getMessage());
    }

    @Test
    void bytesAreCountedNotCharacters() {
        // 16 two-byte characters make 32 bytes: enough.
        LinkKeys keys = LinkKeys.of(Optional.of("é".repeat(16)), Map.of(), LinkKeys.DEFAULT_ID);
        assertEquals(32, keys.current().length);
    }

    @Test
    void theCurrentKeySignsAndOlderOnesStillCheck() {
        LinkKeys keys = LinkKeys.of(Optional.of(STRONG), Map.of("k2027", ROTATED), "k2027");
        assertEquals("k2027", keys.currentId());
        assertArrayEquals(ROTATED.getBytes(StandardCharsets.UTF_8), keys.current());
        assertArrayEquals(STRONG.getBytes(StandardCharsets.UTF_8), keys.key(LinkKeys.DEFAULT_ID).orElseThrow());
        assertTrue(keys.key("retired").isEmpty());
        assertTrue(keys.key(null).isEmpty());
    }

    @Test
    void theDefaultKeyMayGoOnceAnotherIsCurrent() {
        LinkKeys keys = LinkKeys.of(Optional.empty(), Map.of("k2027", ROTATED), "k2027");
        assertTrue(keys.key(LinkKeys.DEFAULT_ID).isEmpty());
    }

    @Test
    void aCurrentIdWithoutAKeyStopsTheStart() {
        IllegalStateException noDefault = assertThrows(IllegalStateException.class,
                () -> LinkKeys.of(Optional.empty(), Map.of(), LinkKeys.DEFAULT_ID));
        assertTrue(noDefault.getMessage().contains("BACKLINE_LINK_SECRET"), noDefault.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> LinkKeys.of(Optional.of(STRONG), Map.of(), "k2027"));
        assertTrue(missing.getMessage().contains("backline.referrals.link-keys.k2027"), missing.getMessage());
    }

    @Test
    void idsAreLowercaseLettersAndDigitsAndDefaultIsNamedOnce() {
        assertThrows(IllegalStateException.class, () -> LinkKeys.of(Optional.of(STRONG), Map.of("K-1", ROTATED), LinkKeys.DEFAULT_ID));
        assertThrows(IllegalStateException.class,
                () -> LinkKeys.of(Optional.of(STRONG), Map.of(LinkKeys.DEFAULT_ID, ROTATED), LinkKeys.DEFAULT_ID));
    }

    @Test
    void linksLastAtMost30Days() {
        assertEquals(30, ReferralLinks.linkLifetime(30).toDays());
        assertEquals(14, ReferralLinks.linkLifetime(14).toDays());
        IllegalStateException tooLong = assertThrows(IllegalStateException.class, () -> ReferralLinks.linkLifetime(31));
        assertTrue(tooLong.getMessage().contains("backline.referrals.link-days is 31"), tooLong.getMessage());
        assertThrows(IllegalStateException.class, () -> ReferralLinks.linkLifetime(0));
    }
}
