package io.backline.directory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.config.BacklineConfig;
import io.quarkiverse.renarde.router.Router;

/**
 * A provider's link to update their own listing: it names the listing, its expiry and the signing key's id, and is
 * signed over the listing and the expiry. It uses the providers' referral link keys (checked at start by the referral
 * links, rotated the same way) under its own prefix, so one kind of signature can never pass for the other.
 */
@ApplicationScoped
public class ListingLinks {
    static final Duration LIFETIME = Duration.ofDays(3);

    public enum Check {
        VALID, INVALID, EXPIRED
    }

    @Inject
    BacklineConfig config;
    @Inject
    Clock clock;

    /** The link to email, valid for {@link #LIFETIME} from now, at the address people reach Backline at. */
    public String link(UUID providerId) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String keyId = config.referrals().linkKeyId();
        return config.baseUrl() + Router.getURI(ListingUpdates::edit, providerId.toString(), String.valueOf(expires), keyId,
                sign(key(keyId).orElseThrow(), providerId, expires));
    }

    /** Whether a link's parts are right for this listing, and still in time. */
    public Check check(UUID providerId, String expires, String keyId, String signature) {
        Optional<byte[]> key = key(keyId);
        Long expiry = number(expires);
        if (key.isEmpty() || expiry == null || signature == null
                || !MessageDigest.isEqual(sign(key.get(), providerId, expiry).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return clock.instant().getEpochSecond() > expiry ? Check.EXPIRED : Check.VALID;
    }

    private Optional<byte[]> key(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<String> key = "default".equals(id) ? config.referrals().linkSecret()
                : Optional.ofNullable(config.referrals().linkKeys().get(id));
        return key.filter(text -> !text.isEmpty()).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(byte[] key, UUID providerId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("listing|" + providerId + "|" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
