package io.natrium.application.port;

/**
 * What a load balancer said of a client before the client spoke ({@code proxy_protocol}: HAProxy's PROXY protocol
 * header, version 1 or 2), which the transport reports to the session. A header that names no client (v1
 * {@code UNKNOWN}, v2 {@code LOCAL}: a health check) and a connection that sent none are not reported.
 */
public sealed interface ProxyHeader {

    /** The client behind the proxy: /connz, the system events and a user's {@code src} networks see it from now on. */
    record Proxied(String host, int port) implements ProxyHeader {
    }

    /**
     * A header that could not be read; nats-server logs it and closes the connection.
     *
     * @param socketAddress the proxy's end of the socket, as Go prints it ({@code 127.0.0.1:54321})
     * @param error         Go's error text, e.g. {@code invalid PROXY protocol header: invalid v1 format}
     */
    record Malformed(String socketAddress, String error) implements ProxyHeader {
    }
}
