package io.natrium.testkit.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The usual set a TLS test needs, written into the test's temporary directory: a root CA ({@code ca.pem}), a server
 * certificate for {@code localhost} and 127.0.0.1 ({@code server-cert.pem}, {@code server-key.pem}) and a client
 * certificate {@code CN=client,O=Natrium} ({@code client-cert.pem}, {@code client-key.pem}), all from the same CA.
 */
public final class TlsFiles {

    private final Path directory;
    private final CertificateAuthority authority;
    private final IssuedCertificate server;
    private final IssuedCertificate client;

    private TlsFiles(Path directory, CertificateAuthority authority, IssuedCertificate server,
            IssuedCertificate client) {
        this.directory = directory;
        this.authority = authority;
        this.server = server;
        this.client = client;
    }

    public static TlsFiles create(Path directory) {
        CertificateAuthority authority = CertificateAuthority.root("Natrium Test CA");
        IssuedCertificate server = authority.server("localhost", "localhost");
        IssuedCertificate client = authority.issueClient(CertificateSpec.subject("CN=client,O=Natrium")
                .withEmails("client@example.com"));
        authority.asIssued().writeCertificate(directory.resolve("ca.pem"));
        server.writeCertificate(directory.resolve("server-cert.pem"));
        server.writeKey(directory.resolve("server-key.pem"));
        client.writeCertificate(directory.resolve("client-cert.pem"));
        client.writeKey(directory.resolve("client-key.pem"));
        return new TlsFiles(directory, authority, server, client);
    }

    public Path directory() {
        return directory;
    }

    public CertificateAuthority authority() {
        return authority;
    }

    public IssuedCertificate server() {
        return server;
    }

    public IssuedCertificate client() {
        return client;
    }

    public Path caFile() {
        return directory.resolve("ca.pem");
    }

    public Path serverCert() {
        return directory.resolve("server-cert.pem");
    }

    public Path serverKey() {
        return directory.resolve("server-key.pem");
    }

    public Path clientCert() {
        return directory.resolve("client-cert.pem");
    }

    public Path clientKey() {
        return directory.resolve("client-key.pem");
    }

    /** A client context that trusts this CA and presents no certificate. */
    public SSLContext clientContext() {
        return clientContext(authority.certificate(), null);
    }

    /** A client context that trusts this CA and presents the client certificate. */
    public SSLContext clientContextWithCertificate() {
        return clientContext(authority.certificate(), client);
    }

    /**
     * A client context trusting {@code trusted}, presenting {@code certificate} (to any server, whatever CAs it
     * names) unless it is null.
     */
    public static SSLContext clientContext(X509Certificate trusted, IssuedCertificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trusted);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificate == null ? null : new javax.net.ssl.KeyManager[] {
                new AlwaysPresentingKeyManager(certificate)}, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
