package io.natrium.adapter.monitor.archfixture;

import io.natrium.adapter.tls.archfixture.TlsContextFixture;

/** Allowed: HTTPS monitoring building its TLS with the shared library. */
public class MonitorUsingTls {
    TlsContextFixture tls;
}
