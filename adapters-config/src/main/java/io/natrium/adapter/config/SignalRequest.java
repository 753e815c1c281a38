package io.natrium.adapter.config;

/**
 * {@code --signal <command>[=<pid>]}: send a signal to a running server and exit.
 *
 * @param command       what to send
 * @param pidExpression what follows {@code =}: a pid ({@code 1234}), a pid prefix ending in {@code *}, or a pid
 *                      file whose content is the pid (nats-server reads the file when it exists, else takes the text
 *                      as the pid); null to signal the only running {@code nats-server} process
 */
public record SignalRequest(SignalCommand command, String pidExpression) {
}
