package io.natrium.application.settings;

import java.time.Duration;

/**
 * The {@code authorization} block of the WebSocket and MQTT listeners: one user or a token.
 *
 * @param user     the user name; null for none
 * @param password the password; null for none
 * @param token    the token; null for none
 * @param timeout  how long a client has to authenticate; zero for the server's
 */
public record SimpleAuthSettings(String user, String password, String token, Duration timeout) {

    public static SimpleAuthSettings none() {
        return new SimpleAuthSettings(null, null, null, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "SimpleAuthSettings[user=" + user + ", password=" + Secrets.redact(password) + ", token="
                + Secrets.redact(token) + ", timeout=" + timeout + "]";
    }
}
