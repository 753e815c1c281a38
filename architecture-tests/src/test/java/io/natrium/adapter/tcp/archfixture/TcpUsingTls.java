package io.natrium.adapter.tcp.archfixture;

import io.natrium.adapter.tls.archfixture.TlsContextFixture;

/** Allowed: a listener building its TLS with the shared library. */
public class TcpUsingTls {
    TlsContextFixture tls;
}
