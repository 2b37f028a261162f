package io.backline.program;

/** Hold times as people read them. */
public final class Durations {
    private Durations() {
    }

    public static String text(int seconds) {
        int minutes = seconds / 60;
        int rest = seconds % 60;
        if (minutes == 0) {
            return rest + " s";
        }
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }
}
