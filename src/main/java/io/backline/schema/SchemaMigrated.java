package io.backline.schema;

/** Fired once per process, when the schema is first seen at the version this build expects. */
public record SchemaMigrated(String version) {
}
