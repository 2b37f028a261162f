package io.backline.web;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * An exception as the logs may show it: each class in the cause chain, a SQL state and constraint name where there
 * is one, and the stack, but never a message. Messages carry row data (PostgreSQL's "Failing row contains (…)"),
 * typed text or email addresses, and health data must not reach the logs.
 */
public final class SafeLog {
    /** Enough frames to find the place; the rest is framework plumbing. */
    private static final int FRAMES = 25;

    private SafeLog() {
    }

    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        Throwable deepest = failure;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            text.append(text.isEmpty() ? "" : " <- caused by ").append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                text.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                text.append(" (constraint ").append(violation.getConstraintName()).append(')');
            }
            deepest = t;
        }
        StackTraceElement[] frames = deepest.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            text.append("\n\tat ").append(frames[i]);
        }
        return text.toString();
    }
}
