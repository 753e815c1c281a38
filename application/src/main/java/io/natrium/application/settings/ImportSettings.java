package io.natrium.application.settings;

/**
 * A stream or service an account imports from another ({@code imports} entry).
 *
 * @param kind       stream or service
 * @param account    the exporting account
 * @param subject    the subject exported there
 * @param prefix     for a stream, a prefix for the local subject; null for none
 * @param to         the local subject; null for the exported one
 * @param share      for a service, true to share the requester's connection details with it
 * @param allowTrace for a stream, true to let message traces cross it
 */
public record ImportSettings(
        ExportKind kind, String account, String subject, String prefix, String to, boolean share,
        boolean allowTrace) {
}
