/**
 * Certificates made by the tests themselves (Bouncy Castle): {@link io.natrium.testkit.tls.CertificateAuthority}
 * issues server and client certificates with the names, validity and keys a test asks for (expired, not yet valid,
 * another CA's), {@link io.natrium.testkit.tls.IssuedCertificate} writes them as PEM in the formats nats-server
 * reads, and {@link io.natrium.testkit.tls.TlsFiles} is the usual CA, server and client set with client contexts.
 * No private key is ever committed.
 */
package io.natrium.testkit.tls;
