package io.backline.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.config.BacklineConfig;
import io.quarkiverse.renarde.router.Router;

/**
 * The provider's link to one referral: it names the referral, its expiry and a nonce, signed with a server secret.
 * Changing anything in it breaks the signature; a new nonce (or revoking) retires every earlier link; after the
 * expiry it opens nothing. No account is needed, and the link grants nothing beyond that one referral.
 */
@ApplicationScoped
public class ReferralLinks {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BacklineConfig config;

    /** Gives the referral a fresh nonce and expiry, and returns the link to email. */
    public String issue(Referral referral) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        referral.linkNonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        referral.linkExpiresAt = Instant.now().plus(Duration.ofDays(config.referrals().linkDays())).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        referral.linkRevokedAt = null;
        return link(referral);
    }

    /**
     * The link to the provider's page, at the address people reach Backline at: the route and its parameters' names
     * come from {@link ProviderReferrals#show}. Built while serving a request, which Renarde's router reads.
     */
    public String link(Referral referral) {
        long expires = referral.linkExpiresAt.getEpochSecond();
        return config.baseUrl() + Router.getURI(ProviderReferrals::show, referral.id.toString(), String.valueOf(expires),
                sign(referral.id, expires, referral.linkNonce), null, null);
    }

    public enum Check {
        VALID, INVALID, EXPIRED, REVOKED
    }

    /** Whether a link's expiry and signature are right for this referral as it is now. */
    public Check check(Referral referral, String expires, String signature) {
        if (referral.linkNonce == null || expires == null || signature == null) {
            return Check.INVALID;
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        String expected = sign(referral.id, expiry, referral.linkNonce);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))
                || expiry != referral.linkExpiresAt.getEpochSecond()) {
            return Check.INVALID;
        }
        if (referral.linkRevokedAt != null) {
            return Check.REVOKED;
        }
        return Instant.now().getEpochSecond() > expiry ? Check.EXPIRED : Check.VALID;
    }

    String sign(UUID referralId, long expires, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.referrals().linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((referralId + "|" + expires + "|" + nonce).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
