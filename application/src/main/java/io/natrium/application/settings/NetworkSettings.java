package io.natrium.application.settings;

/**
 * Where clients reach the server and what it calls itself.
 *
 * @param host            the address to listen on ({@code host}, {@code net}, {@code listen}, {@code -a})
 * @param port            the client port ({@code port}, {@code listen}, {@code -p}); 0 or -1 picks a free port
 * @param clientAdvertise the {@code host:port} advertised to clients instead of the listen address; null for none
 * @param serverName      the name in INFO ({@code server_name}, {@code -n}); null means the server id
 * @param proxyProtocol   true to expect a PROXY protocol header on every connection ({@code proxy_protocol})
 */
public record NetworkSettings(String host, int port, String clientAdvertise, String serverName, boolean proxyProtocol) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 4222;

    public static NetworkSettings defaults() {
        return new NetworkSettings(DEFAULT_HOST, DEFAULT_PORT, null, null, false);
    }

    public NetworkSettings withHost(String value) {
        return new NetworkSettings(value, port, clientAdvertise, serverName, proxyProtocol);
    }

    public NetworkSettings withPort(int value) {
        return new NetworkSettings(host, value, clientAdvertise, serverName, proxyProtocol);
    }

    public NetworkSettings withClientAdvertise(String value) {
        return new NetworkSettings(host, port, value, serverName, proxyProtocol);
    }

    public NetworkSettings withServerName(String value) {
        return new NetworkSettings(host, port, clientAdvertise, value, proxyProtocol);
    }

    public NetworkSettings withProxyProtocol(boolean value) {
        return new NetworkSettings(host, port, clientAdvertise, serverName, value);
    }
}
