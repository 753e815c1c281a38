package io.natrium.application.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket listener ({@code websocket}); disabled while the port is 0.
 *
 * @param host             the address to listen on; null for the default
 * @param port             the port; 0 disabled, -1 a free port
 * @param advertise        the {@code host:port} advertised to clients; null for none
 * @param noTls            true to listen without TLS (TLS is required otherwise)
 * @param tls              the TLS block; null for none
 * @param sameOrigin       accept only browsers of the same origin
 * @param allowedOrigins   the origins browsers may connect from; empty for any
 * @param handshakeTimeout how long the HTTP upgrade may take; zero for the default
 * @param compression      negotiate per-message deflate
 * @param authorization    the listener's own user or token
 * @param cookies          cookies clients may authenticate with
 * @param noAuthUser       the user a client without credentials is; null for the server's
 * @param headers          extra HTTP headers of the upgrade response
 * @param pingInterval     how often idle WebSocket clients are pinged; zero for the server's
 */
public record WebsocketSettings(
        String host,
        int port,
        String advertise,
        boolean noTls,
        TlsSettings tls,
        boolean sameOrigin,
        List<String> allowedOrigins,
        Duration handshakeTimeout,
        boolean compression,
        SimpleAuthSettings authorization,
        WebsocketCookieSettings cookies,
        String noAuthUser,
        Map<String, String> headers,
        Duration pingInterval) {

    public WebsocketSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        headers = Map.copyOf(headers);
    }

    public static WebsocketSettings disabled() {
        return new WebsocketSettings(null, 0, null, false, null, false, List.of(), Duration.ZERO, false,
                SimpleAuthSettings.none(), WebsocketCookieSettings.none(), null, Map.of(), Duration.ZERO);
    }

    public boolean enabled() {
        return port != 0;
    }
}
