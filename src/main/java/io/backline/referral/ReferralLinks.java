package io.backline.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.config.BacklineConfig;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The provider's link to one referral: it names the referral, its expiry and the signing key's id, and is signed with
 * that key over the referral, the expiry and a nonce. Changing anything in it breaks the signature; a new nonce (or
 * revoking) retires every earlier link; after the expiry it opens nothing. No account is needed, and the link grants
 * nothing beyond that one referral.
 * <p>
 * Opening the link trades it for a pass: a cookie on that referral's pages only, valid for two hours (never beyond
 * the link), signed over the same referral, link expiry and nonce, so revoking or re-issuing the link ends it too.
 * The credential then leaves the address bar, the browser's history and the pages' forms.
 * <p>
 * Settings are checked at start ({@link Startup}): a key shorter than 32 bytes, a current key id with no key, or
 * links lasting more than 30 days stop the app.
 */
@Startup
@ApplicationScoped
public class ReferralLinks {
    static final int MAX_DAYS = 30;
    static final Duration PASS_LIFETIME = Duration.ofHours(2);
    static final String PASS_COOKIE = "provider-pass";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BacklineConfig config;

    private LinkKeys keys;
    private Duration linkLifetime;

    @PostConstruct
    void checkSettings() {
        linkLifetime = linkLifetime(config.referrals().linkDays());
        keys = LinkKeys.of(config.referrals().linkSecret(), config.referrals().linkKeys(), config.referrals().linkKeyId());
    }

    /** How long links last, or an {@link IllegalStateException} when the setting is out of bounds. */
    static Duration linkLifetime(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalStateException("backline.referrals.link-days is " + days + "; a provider's link lasts from 1 to "
                    + MAX_DAYS + " days.");
        }
        return Duration.ofDays(days);
    }

    /** Gives the referral a fresh nonce and expiry, and returns the link to email. */
    public String issue(Referral referral) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        referral.linkNonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        referral.linkExpiresAt = Instant.now().plus(linkLifetime).truncatedTo(ChronoUnit.SECONDS);
        referral.linkRevokedAt = null;
        return link(referral);
    }

    /**
     * The link to the provider's page, signed with the current key, at the address people reach Backline at: the
     * route and its parameters' names come from {@link ProviderReferrals#show}.
     */
    public String link(Referral referral) {
        return link(referral, keys.currentId());
    }

    /** The link signed with the key of this id (tests sign with an older one). */
    String link(Referral referral, String keyId) {
        long expires = referral.linkExpiresAt.getEpochSecond();
        String signature = sign(keys.key(keyId).orElseThrow(), linkText(referral, expires));
        return config.baseUrl() + Router.getURI(ProviderReferrals::show, referral.id.toString(), String.valueOf(expires),
                keyId, signature, null, null);
    }

    /** The provider's page without any credential: where the link sends the browser once it holds its pass. */
    String page(Referral referral) {
        return config.baseUrl() + path(referral);
    }

    public enum Check {
        VALID, INVALID, EXPIRED, REVOKED
    }

    /**
     * Whether a link's expiry and signature are right for this referral as it is now. A link without a key id was
     * sent before keys had ids, and was signed with the default key.
     */
    public Check check(Referral referral, String expires, String keyId, String signature) {
        Optional<byte[]> key = keys.key(keyId == null ? LinkKeys.DEFAULT_ID : keyId);
        Long expiry = number(expires);
        if (referral.linkNonce == null || key.isEmpty() || expiry == null || signature == null
                || !same(sign(key.get(), linkText(referral, expiry)), signature)
                || expiry != referral.linkExpiresAt.getEpochSecond()) {
            return Check.INVALID;
        }
        return state(referral);
    }

    /** The Set-Cookie header that gives the browser its pass to this referral's pages. */
    String passCookie(Referral referral) {
        String pass = pass(referral);
        long until = Long.parseLong(pass.split("\\.")[1]);
        return Cookie.cookie(PASS_COOKIE, pass).setPath(path(referral)).setMaxAge(until - Instant.now().getEpochSecond())
                .setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(!LaunchMode.current().isDevOrTest())
                .encode();
    }

    /** A pass for this referral's pages, {@code keyId.until.signature}: two hours, never beyond the link's expiry. */
    String pass(Referral referral) {
        long until = Math.min(Instant.now().plus(PASS_LIFETIME).getEpochSecond(), referral.linkExpiresAt.getEpochSecond());
        return keys.currentId() + "." + until + "." + sign(keys.current(), passText(referral, until));
    }

    /** Whether a pass from a cookie is right for this referral as it is now; one past its two hours is not valid. */
    Check checkPass(Referral referral, String pass) {
        String[] parts = pass == null ? new String[0] : pass.split("\\.");
        if (parts.length != 3 || referral.linkNonce == null) {
            return Check.INVALID;
        }
        Optional<byte[]> key = keys.key(parts[0]);
        Long until = number(parts[1]);
        if (key.isEmpty() || until == null || !same(sign(key.get(), passText(referral, until)), parts[2])) {
            return Check.INVALID;
        }
        Check state = state(referral);
        return state == Check.VALID && Instant.now().getEpochSecond() > until ? Check.INVALID : state;
    }

    private static Check state(Referral referral) {
        if (referral.linkRevokedAt != null) {
            return Check.REVOKED;
        }
        return Instant.now().isAfter(referral.linkExpiresAt) ? Check.EXPIRED : Check.VALID;
    }

    private static String path(Referral referral) {
        return Router.getURI(ProviderReferrals::show, referral.id.toString(), null, null, null, null, null).getPath();
    }

    /** What a link signs; links sent before keys had ids signed the same text with the default key. */
    private static String linkText(Referral referral, long expires) {
        return referral.id + "|" + expires + "|" + referral.linkNonce;
    }

    /** What a pass signs: its own prefix, so a pass can never be taken for a link's signature or the reverse. */
    private static String passText(Referral referral, long until) {
        return "pass|" + referral.id + "|" + referral.linkExpiresAt.getEpochSecond() + "|" + referral.linkNonce + "|" + until;
    }

    private static String sign(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
