package io.natrium.application.settings;

/** Whether an export or import is a stream (messages flow out) or a service (requests flow in). */
public enum ExportKind {
    STREAM,
    SERVICE
}
