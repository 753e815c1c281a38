package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Options;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS client through the auth callout: the request's {@code client_tls} carries the version, the cipher suite
 * and the chain its certificate was verified through as PEM ({@code verified_chains}: the client's certificate,
 * then the {@code ca_file} authority), as nats-server's {@code processClientOrLeafCallout} fills it. jnats clients
 * and a jnats callout service; nats-server 2.9.10 has no auth callout.
 */
class CalloutClientTlsIT {

    @TempDir
    Path directory;

    @Test
    void theCalloutRequestCarriesTheVerifiedChainOfTheClientsCertificateAsPem() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        try (ConfiguredServer server = ConfiguredServer.start("""
                tls { cert_file: "%s", key_file: "%s", ca_file: "%s", verify: true }
                accounts {
                  AUTH { users: [ { user: auth, password: pwd } ] }
                  APP {}
                }
                authorization {
                  timeout: 4
                  auth_callout { issuer: %s, account: AUTH, auth_users: [ auth ] }
                }
                """.formatted(files.serverCert(), files.serverKey(), files.caFile(),
                CalloutResponder.ISSUER.publicKey()));
                CalloutResponder service = new CalloutResponder(connect(tls(server, files, "auth", "pwd")), null,
                        null);
                Connection alice = connect(tls(server, files, "alice", "secret"))) {
            CalloutResponder.Request request = service.nextRequest();

            assertThat(alice.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            Map<String, Object> tls = request.nats("client_tls");
            assertThat(tls).containsEntry("version", "1.3").containsKey("cipher").doesNotContainKey("certs");
            assertThat(tls.get("verified_chains")).isEqualTo(List.of(List.of(
                    pem(files.client().certificate()), pem(files.authority().certificate()))));
        }
    }

    private static Options.Builder tls(ConfiguredServer server, TlsFiles files, String user, String password) {
        return new Options.Builder().server("tls://127.0.0.1:" + server.port()).userInfo(user, password)
                .sslContext(files.clientContextWithCertificate()).connectionTimeout(SecureClients.TIMEOUT)
                .noReconnect();
    }

    /** Go's {@code pem.EncodeToMemory}, written out here to compare with what the server sent. */
    private static String pem(X509Certificate certificate) throws Exception {
        String base64 = Base64.getEncoder().encodeToString(certificate.getEncoded());
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int start = 0; start < base64.length(); start += 64) {
            pem.append(base64, start, Math.min(base64.length(), start + 64)).append('\n');
        }
        return pem.append("-----END CERTIFICATE-----\n").toString();
    }
}
