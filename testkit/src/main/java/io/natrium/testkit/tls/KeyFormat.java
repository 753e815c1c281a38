package io.natrium.testkit.tls;

/** How a private key is written to its PEM file; nats-server (Go's {@code tls.X509KeyPair}) reads all three. */
public enum KeyFormat {
    /** {@code -----BEGIN PRIVATE KEY-----}, any algorithm. */
    PKCS8,
    /** {@code -----BEGIN RSA PRIVATE KEY-----} or {@code -----BEGIN EC PRIVATE KEY-----} (SEC 1), by the key. */
    TRADITIONAL
}
