package io.backline.clinic;

import java.util.List;

/** An admin saved the clinic's settings; {@code fields} names those that changed, for the audit trail (above clinic). */
public record SettingsChanged(List<String> fields) {
}
