package io.natrium.bootstrap.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code resolver_tls}: the Debian nats-server 2.9.10 and Natrium fetch account JWTs from one HTTPS account server
 * (the test's, with a certificate of the test's authority) that asks for a client certificate; with
 * {@code ca_file}, {@code cert_file} and {@code key_file} both let the account's client in.
 */
class UrlResolverTlsDifferentialIT {

    private static final TestNKey GOOD = TestNKey.account();

    private static OperatorFixture fixture;
    private static HttpsServer accountServer;
    private static ServerProcess reference;
    private static ServerProcess natrium;

    @BeforeAll
    static void startAll() throws Exception {
        Path dir = Files.createTempDirectory("natrium-url-resolver-tls-");
        fixture = new OperatorFixture(dir);
        CertificateAuthority authority = CertificateAuthority.root("Natrium Test CA");
        IssuedCertificate serverCertificate = authority.issueServer(CertificateSpec.subject("CN=127.0.0.1")
                .withIpAddresses("127.0.0.1"));
        IssuedCertificate clientCertificate = authority.issueClient(CertificateSpec.subject("CN=resolver"));
        Path ca = authority.asIssued().writeCertificate(dir.resolve("ca.pem"));
        Path cert = clientCertificate.writeCertificate(dir.resolve("client-cert.pem"));
        Path key = clientCertificate.writeKey(dir.resolve("client-key.pem"));
        accountServer = accountServer(Map.of(fixture.system.publicKey(), fixture.account(fixture.system, "SYS",
                Map.of()), GOOD.publicKey(), fixture.account(GOOD, "GOOD", Map.of())), authority, serverCertificate);
        String tls = "resolver_tls { ca_file: \"%s\", cert_file: \"%s\", key_file: \"%s\" }".formatted(ca, cert, key);
        reference = ServerProcess.start(ExternalTools.natsServer(), config(dir, "reference", tls),
                Duration.ofSeconds(10));
        natrium = ServerProcess.start(ServerProcess.natriumLauncher(), config(dir, "natrium", tls),
                Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (ServerProcess server : new ServerProcess[] {reference, natrium}) {
            if (server != null) {
                server.close();
            }
        }
        if (accountServer != null) {
            accountServer.stop(0);
        }
    }

    @Test
    void anAccountFetchedOverTlsWithAClientCertificateLetsItsClientIn() {
        assertThat(fixture.outcome(reference, fixture.newUser(GOOD))).as("nats-server 2.9.10").isEqualTo("connected");
        assertThat(fixture.outcome(natrium, fixture.newUser(GOOD))).as("Natrium").isEqualTo("connected");
    }

    /** An HTTPS account server that requires a client certificate of {@code authority}. */
    private static HttpsServer accountServer(Map<String, String> answers, CertificateAuthority authority,
            IssuedCertificate certificate) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(authority, certificate)) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/jwt/v1/accounts/", exchange -> {
            String account = exchange.getRequestURI().getPath().substring("/jwt/v1/accounts/".length());
            String answer = account.isEmpty() ? "" : answers.get(account);
            byte[] body = (answer == null ? "not found" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    /** A server's context: presenting {@code certificate}, trusting client certificates of {@code authority}. */
    private static SSLContext serverContext(CertificateAuthority authority, IssuedCertificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", authority.certificate());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificate.keyManagers().getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> config(Path dir, String name, String tls) throws IOException {
        String config = """
                operator: "%s"
                resolver: URL("https://127.0.0.1:%d/jwt/v1/accounts/")
                %s
                # A creds client on a loaded machine may take longer than the default 2 s to sign the nonce.
                authorization { timeout: 10 }
                """.formatted(TestJwt.operator(fixture.operator, "ops",
                Map.of("system_account", fixture.system.publicKey())), accountServer.getAddress().getPort(), tls);
        return List.of("-c", Files.writeString(dir.resolve(name + ".conf"), config).toString());
    }
}
