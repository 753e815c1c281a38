package io.natrium.adapter.config.archfixture;

import io.natrium.adapter.tls.archfixture.TlsContextFixture;

/** Deliberately bad: the configuration adapter loading TLS itself; bootstrap hands it a check instead. */
public class ConfigUsingTls {
    TlsContextFixture tls;
}
