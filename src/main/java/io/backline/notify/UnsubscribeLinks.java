package io.backline.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.config.BacklineConfig;
import io.quarkus.runtime.Startup;

/**
 * Signs and checks the tokens of one-click unsubscribe links: a token names a kind of email (reminders, messages), the
 * clinic and the person, and an expiry, signed with HMAC-SHA256 under {@code backline.unsubscribe.secret}. Changing
 * any part breaks the signature; after the expiry the token opens nothing. Any email a person can turn off reuses it
 * with its own kind, so a reminders link never turns off anything else.
 */
@Startup
@ApplicationScoped
public class UnsubscribeLinks {
    static final int MIN_BYTES = 32;

    /** What a valid token names. */
    public record Subject(String kind, String clinicId, UUID personId) {
    }

    @Inject
    BacklineConfig config;
    @Inject
    Clock clock;

    private byte[] key;

    @PostConstruct
    void checkSettings() {
        key = config.unsubscribe().secret().getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("backline.unsubscribe.secret (BACKLINE_UNSUBSCRIBE_SECRET) is " + key.length
                    + " bytes long; it needs at least " + MIN_BYTES + " (for example: openssl rand -hex 32).");
        }
    }

    /** A token for this person's emails of this kind, valid for the configured number of days from now. */
    public String token(String kind, String clinicId, UUID personId) {
        long expires = clock.instant().plus(Duration.ofDays(config.unsubscribe().linkDays())).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "|" + clinicId + "|" + personId + "|" + expires).getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(payload);
    }

    /** What the token names, if its signature is right and it has not expired. */
    public Optional<Subject> check(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || !same(sign(token.substring(0, dot)), token.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                    .split("\\|");
            if (parts.length != 4 || Instant.ofEpochSecond(Long.parseLong(parts[3])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Subject(parts[0], parts[1], UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("unsubscribe|" + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
