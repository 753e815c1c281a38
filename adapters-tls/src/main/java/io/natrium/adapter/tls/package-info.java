/**
 * TLS for the listeners, shared by the client TCP port, WebSocket and HTTPS monitoring (and only by them):
 * {@link io.natrium.adapter.tls.ServerTlsFactory} builds a {@link io.natrium.adapter.tls.ServerTls} from a
 * {@code tls} block as nats-server builds its {@code tls.Config} (PEM certificates and PKCS#1, PKCS#8 and SEC 1
 * keys, {@code ca_file}, Go's cipher and curve names, {@code min_version}, {@code certs} chosen by SNI), with
 * nats-server's error texts; {@link io.natrium.adapter.tls.TlsStates} reads a finished handshake as the
 * application's {@code TlsState} and {@link io.natrium.adapter.tls.GoTlsErrors} words a failed one as Go does.
 */
package io.natrium.adapter.tls;
