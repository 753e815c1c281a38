package io.natrium.adapter.tls.archfixture;

/** Stands for the shared TLS library's classes, which the listeners use. */
public class TlsContextFixture {
}
