package io.backline.jobs;

import java.time.Duration;

/** How long an outbox waits before trying a failed email again: doubling from a base, never more than 15 minutes. */
public final class RetryDelay {
    private static final Duration MAX = Duration.ofMinutes(15);

    private RetryDelay() {
    }

    public static Duration after(int attempts, Duration base) {
        Duration delay = base.multipliedBy(1L << Math.clamp(attempts - 1, 0, 7));
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
