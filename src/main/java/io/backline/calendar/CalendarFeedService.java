package io.backline.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.audit.AuditTrail;

/** Makes, replaces and revokes a client's calendar address. The secret is shown once and kept only as its hash. */
@ApplicationScoped
public class CalendarFeedService {
    static final String CREATED = "made calendar address";
    static final String REVOKED = "revoked calendar address";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditTrail audit;

    /** The client's live address, if any. */
    public Optional<CalendarFeed> live(UUID clientId) {
        return CalendarFeed.find("clientId = ?1 and revokedAt is null", clientId).firstResultOptional();
    }

    /** A new address, revoking the one before; the secret it returns is not kept anywhere. */
    @Transactional
    public String replace(UUID clientId) {
        revokeLive(clientId);
        // Unique index on the live row: the revocation must reach the database before the insert.
        CalendarFeed.flush();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.clientId = clientId;
        feed.tokenHash = hash(token);
        feed.createdAt = Instant.now();
        feed.persist();
        audit.record(clientId, CREATED, null);
        return token;
    }

    /** Stops the live address; true if there was one. */
    @Transactional
    public boolean revoke(UUID clientId) {
        boolean revoked = revokeLive(clientId);
        if (revoked) {
            audit.record(clientId, REVOKED, null);
        }
        return revoked;
    }

    private boolean revokeLive(UUID clientId) {
        return live(clientId).map(feed -> {
            feed.revokedAt = Instant.now();
            return true;
        }).orElse(false);
    }

    /** Hex SHA-256: a secret of 256 random bits needs no salt or slow hash. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
