package io.backline.practice;

/**
 * Fired in the check-off's transaction when the client ticked "something got worse, or it felt unsafe": the tick is a
 * report in its own right, so the flag is saved with the session or not at all.
 */
public record WorseOrUnsafeTicked(SessionLog session) {
}
