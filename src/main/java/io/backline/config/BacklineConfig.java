package io.backline.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Backline's own settings ({@code backline.*} in application.properties), typed and documented in one place. The
 * jobs' schedules are read by {@code @Scheduled} expressions; they are listed here so that a misspelt key fails the
 * start instead of being ignored.
 */
@ConfigMapping(prefix = "backline")
public interface BacklineConfig {
    /** The address people reach Backline at; links in emails start with it. */
    String baseUrl();

    Keycloak keycloak();

    Invitations invitations();

    Alerts alerts();

    Referrals referrals();

    Imports imports();

    Adherence adherence();

    Reminders reminders();

    Unsubscribe unsubscribe();

    Demo demo();
    Notifications notifications();

    Audit audit();

    ApiDocument apiDocument();

    /** Checked as the configuration is built (ProductionSecretsCheck). */
    ProductionSecrets secrets();

    interface ApiDocument {
        /** Whether /q/openapi answers on the management port, as health does, rather than on the app's own. */
        @WithDefault("${quarkus.management.enabled:false}")
        boolean onManagementPort();
    }

    interface Audit {
        /** How often the looks recorded unchained are moved into their clinic's chain (docs/adr/0047). */
        @WithDefault("2s")
        String chainEvery();
    }

    interface Keycloak {
        /** Keycloak's base URL; the realm is {@code backline}. */
        String url();

        /** How long an admin call to Keycloak waits for an answer before the admin is asked to try again. */
        @WithDefault("15s")
        Duration adminReadTimeout();
    }

    interface Invitations {
        /** How long a set-password link in an invitation stays valid. */
        @WithDefault("7")
        int linkDays();

        /** How many invitations (new ones and resends) one clinic may send in an hour; more waits for the next. */
        @WithDefault("30")
        int sendsPerHour();
    }

    interface Alerts {
        /** How often the alert outbox is emptied. */
        @WithDefault("5s")
        String every();

        /** How long amber alerts wait to be sent together, per trainer. */
        @WithDefault("10m")
        Duration amberBatch();

        /** How often unacknowledged urgent flags are looked for. */
        @WithDefault("1m")
        String escalationEvery();

        /** The first retry's delay after a failed send; it grows with each try. */
        @WithDefault("10s")
        Duration retryBase();
    }

    interface Referrals {
        /**
         * The key named {@code default} that signs the providers' referral links (BACKLINE_LINK_SECRET), and the one
         * that checks links sent before keys had ids; the same on every instance, at least 32 bytes.
         */
        Optional<String> linkSecret();

        /** Further link keys by id (lowercase letters and digits), kept while links they signed may still be open. */
        Map<String, String> linkKeys();

        /** The id of the key that signs new links: {@code default} or one of {@link #linkKeys()}. */
        @WithDefault("default")
        String linkKeyId();

        /** How long a provider's link stays valid, at most 30 days (a longer setting stops the start). */
        @WithDefault("14")
        int linkDays();

        @WithDefault("15m")
        String reminderEvery();

        @WithDefault("5s")
        String mailEvery();

        @WithDefault("30s")
        Duration mailRetryBase();
    }

    interface Imports {
        /** How often the CSV import worker looks for work. */
        @WithDefault("2s")
        String every();
    }

    interface Adherence {
        /** How many adherence reports each instance keeps in memory. */
        @WithDefault("4096")
        int keptReports();
    }

    RequestIds requestIds();

    interface RequestIds {
        /**
         * The proxies (IP addresses or CIDR blocks) whose {@code X-Request-Id} is kept when it is a UUID; none by
         * default, so every request id is made by the server.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Reminders {
        /** How often reminders are planned and the reminder outbox emptied. */
        @WithDefault("20s")
        String every();

        /** The first retry's delay after a failed send; it grows with each try. */
        @WithDefault("30s")
        Duration retryBase();
    }

    interface Unsubscribe {
        /** Signs the one-click unsubscribe links (notify/UnsubscribeLinks); 32 bytes at least. */
        String secret();

        /** How long an unsubscribe link in an email works. */
        @WithDefault("60")
        int linkDays();
    }

    interface Demo {
        /** Rebuild the demo clinics' history at start (demo/DemoHistory); true only in dev mode, never in production. */
        @WithDefault("false")
        boolean history();
    }

    interface Notifications {
        /** How often the notification outbox is emptied. */
        @WithDefault("10s")
        String every();

        /** How long a notification email waits for more changes, so that a burst of them sends one email. */
        @WithDefault("5m")
        Duration batch();

        /** The first retry's delay after a failed send; it grows with each try. */
        @WithDefault("30s")
        Duration retryBase();
    }
}
