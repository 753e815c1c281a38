package io.natrium.application.settings;

/**
 * Message tracing of an account ({@code msg_trace}).
 *
 * @param destination the subject trace events go to
 * @param sampling    the percentage of messages traced, 1 to 100
 */
public record MessageTraceSettings(String destination, int sampling) {
}
