package io.natrium.bootstrap.tls;

import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

/**
 * What the {@code ocsp_peer} ITs share: a CA, a responder for it started by the test, the server's certificate,
 * key and {@code ca.pem} written to a directory, client certificates naming the responder, and the helpers to read
 * /varz and a certificate's cache key.
 */
final class OcspPeerFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final CertificateAuthority authority;
    final OcspResponder responder;
    private final Path directory;

    private OcspPeerFixture(Path directory, CertificateAuthority authority, OcspResponder responder) {
        this.directory = directory;
        this.authority = authority;
        this.responder = responder;
    }

    /** Writes {@code server.pem}, {@code server.key} (for localhost) and {@code ca.pem} into {@code directory}. */
    static OcspPeerFixture create(Path directory, String caName) throws Exception {
        CertificateAuthority authority = CertificateAuthority.root(caName);
        OcspResponder responder = OcspResponder.start(authority);
        IssuedCertificate server = authority.server("localhost", "localhost");
        server.writeCertificate(directory.resolve("server.pem"));
        server.writeKey(directory.resolve("server.key"));
        authority.asIssued().writeCertificate(directory.resolve("ca.pem"));
        return new OcspPeerFixture(directory, authority, responder);
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    /** A client certificate whose OCSP responder is the test's. */
    IssuedCertificate client(String subject) {
        return authority.issueClient(CertificateSpec.subject(subject).withOcspUrls(responder.url()));
    }

    static JsonNode varz(int monitorPort, Duration timeout) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + monitorPort + "/varz")).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** nats-server's cache key of a certificate: the base64 of its SHA-256. */
    static String fingerprint(IssuedCertificate certificate) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(certificate.certificate().getEncoded()));
    }

    @Override
    public void close() {
        responder.close();
    }
}
