package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.natrium.testkit.tls.TlsFiles;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP stapling settings on nats-server 2.9.10 and Natrium with the same generated certificates and a responder
 * started by the test. Where nats-server would not staple, both start and serve TLS alike; where it cannot find the
 * issuer, both stop with its words; where it staples, both ask the responder first and stop alike when it cannot be
 * reached or says revoked where that stops the server, and otherwise staple the same response in the handshake,
 * ask again before its next update and log alike what they get (a later revocation stops both in mode
 * {@code must}). Without BoringSSL Natrium refuses a staple it cannot send. ({@code ocsp_peer}
 * came with 2.10, which 2.9.10 refuses as an unknown field: see {@code JnatsOcspPeerIT}.)
 */
class OcspStaplingDifferentialIT {

    @TempDir
    Path directory;

    @Test
    void autoModeWithoutMustStapleServesTlsAsWithoutOcsp() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        Path config = config("auto.conf", authority, authority.issueServer(CertificateSpec.subject("CN=localhost")
                .withDnsNames("localhost")), true, "ocsp { mode: auto }\n");
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (Path executable : executables) {
            try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()),
                    Duration.ofSeconds(60));
                    TlsWire wire = TlsWire.connect(server.port())) {
                SSLSocket tls = wire.upgrade(TlsFiles.clientContext(authority.certificate(), null));

                assertThat(tls.getSession().getProtocol()).as("%s", executable).isEqualTo("TLSv1.3");
                // The server's own first PING may follow.
                assertThat(wire.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readFor(Duration.ofSeconds(1)))
                        .startsWith("PONG\r\n");
            }
        }
    }

    @Test
    void alwaysModeWithoutAnIssuerStopsBothWithNatsServersWords() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        Path config = config("always.conf", authority, authority.issueServer(CertificateSpec.subject("CN=localhost")),
                false, "ocsp { mode: always }\n");

        List<Outcome> outcomes = startBoth(config);

        // nats-server ends an error of its server's creation with one line end, a configuration error with two;
        // Natrium reports this one with the configuration's errors.
        assertThat(outcomes).extracting(Outcome::status).containsExactly(1, 1);
        assertThat(outcomes).extracting(outcome -> outcome.output().strip())
                .containsOnly("nats-server: ocsp ca required in chain or configuration");
    }

    @Test
    void aMustStapleCertificateWhoseResponderIsUnreachableStopsBoth() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        String responder = "http://127.0.0.1:" + closedPort();
        Path config = config("unreachable.conf", authority, authority.issueServer(CertificateSpec.subject(
                "CN=localhost").withMustStaple().withOcspUrls(responder)), true, "");

        List<Outcome> outcomes = startBoth(config);

        assertThat(outcomes).extracting(Outcome::status).containsExactly(1, 1);
        assertThat(outcomes).extracting(Outcome::output).allSatisfy(output -> assertThat(output).startsWith(
                "nats-server: bad OCSP status update for certificate at '" + directory.resolve("cert.pem")
                        + "': exhausted ocsp servers: Get \"" + responder + "/"));
        assertThat(outcomes).extracting(outcome -> outcome.output().strip()).allSatisfy(output -> assertThat(output)
                .endsWith("\": dial tcp " + responder.substring("http://".length())
                        + ": connect: connection refused"));
    }

    @Test
    void aRevokedCertificateInMustModeStopsBothAlike() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            IssuedCertificate revoked = authority.issueServer(CertificateSpec.subject("CN=localhost")
                    .withMustStaple().withOcspUrls(responder.url()));
            responder.revoke(revoked);
            Path config = config("revoked.conf", authority, revoked, true, "ocsp { mode: must }\n");

            List<Outcome> outcomes = startBoth(config);

            assertThat(outcomes).extracting(Outcome::status).containsExactly(1, 1);
            assertThat(outcomes).extracting(outcome -> outcome.output().strip()).containsOnly(
                    "nats-server: found existing OCSP status for certificate at '" + directory.resolve("cert.pem")
                            + "': revoked");
        }
    }

    @Test
    void aGoodStatusIsStapledAlikeByBoth() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            responder.repeatAnswers();
            Path config = config("good.conf", authority, authority.issueServer(CertificateSpec.subject("CN=localhost")
                    .withDnsNames("localhost").withOcspUrls(responder.url())), true, "ocsp { mode: always }\n");

            List<byte[]> staples = new ArrayList<>();
            for (Path executable : List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher())) {
                try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()),
                        Duration.ofSeconds(60))) {
                    awaitLine(server, "OCSP Stapling enabled for Client connections");
                    awaitLine(server, "Found OCSP status for Client certificate at '" + directory.resolve("cert.pem")
                            + "': good, next update ");
                    // Go's RFC 3339 time and duration: half the hour the response is valid for.
                    assertThat(Files.readString(server.log())).as("%s", executable).containsPattern("\\[INF\\] Found "
                            + "OCSP status for Client certificate at '" + Pattern.quote(directory.resolve("cert.pem")
                            .toString()) + "': good, next update \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, "
                            + "checking again in (29m[0-9.]+s|30m0s)\n");
                    staples.add(staple(server, authority));
                }
            }

            assertThat(staples.get(0)).as("nats-server staples").isNotEmpty();
            assertThat(staples.get(1)).as("the same response").isEqualTo(staples.get(0));
        }
    }

    @Test
    void theHttpsMonitoringPortStaplesAlike() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            responder.repeatAnswers();
            Path config = config("https.conf", authority, authority.issueServer(CertificateSpec.subject(
                    "CN=localhost").withDnsNames("localhost").withOcspUrls(responder.url())), true,
                    "ocsp { mode: always }\n");

            List<byte[]> staples = new ArrayList<>();
            for (Path executable : List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher())) {
                int https = ServerProcess.freePort();
                try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString(),
                        "--https_port", Integer.toString(https)), Duration.ofSeconds(60));
                        SSLSocket tls = (SSLSocket) TlsFiles.clientContext(authority.certificate(), null)
                                .getSocketFactory().createSocket("localhost", https)) {
                    tls.setSoTimeout(5000);
                    tls.startHandshake();
                    List<byte[]> responses = ((ExtendedSSLSession) tls.getSession()).getStatusResponses();
                    staples.add(responses.isEmpty() ? new byte[0] : responses.get(0));
                    tls.getOutputStream().write("GET /varz HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(tls.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                            .as("%s", executable).endsWith(" 200 OK");
                }
            }

            assertThat(staples.get(0)).as("nats-server staples").isNotEmpty();
            assertThat(staples.get(1)).isEqualTo(staples.get(0));
        }
    }

    @Test
    void aRevokedStatusInAutoModeIsStapledAndBothStayUp() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            responder.repeatAnswers();
            IssuedCertificate revoked = authority.issueServer(CertificateSpec.subject("CN=localhost")
                    .withDnsNames("localhost").withMustStaple().withOcspUrls(responder.url()));
            responder.revoke(revoked);
            Path config = config("auto-revoked.conf", authority, revoked, true, "");

            List<byte[]> staples = new ArrayList<>();
            for (Path executable : List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher())) {
                try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()),
                        Duration.ofSeconds(60))) {
                    // Both ask once more at once, log the status and stop asking.
                    awaitLine(server, "Received OCSP status for Client certificate '" + directory.resolve("cert.pem")
                            + "': revoked");
                    staples.add(staple(server, authority));
                    assertThat(server.process().isAlive()).as("%s", executable).isTrue();
                }
            }

            assertThat(staples.get(0)).isNotEmpty();
            assertThat(staples.get(1)).isEqualTo(staples.get(0));
        }
    }

    @Test
    void aRevocationWhileRunningStopsBothInMustMode() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            // Asked again every two seconds or so.
            responder.validFor(Duration.ofSeconds(4));
            IssuedCertificate certificate = authority.issueServer(CertificateSpec.subject("CN=localhost")
                    .withDnsNames("localhost").withMustStaple().withOcspUrls(responder.url()));
            Path config = config("must.conf", authority, certificate, true, "ocsp { mode: must }\n");
            try (ServerProcess reference = ServerProcess.start(ExternalTools.natsServer(),
                    List.of("-c", config.toString()), Duration.ofSeconds(60));
                    ServerProcess natrium = ServerProcess.start(ServerProcess.natriumLauncher(),
                            List.of("-c", config.toString()), Duration.ofSeconds(60))) {
                awaitLine(natrium, "Found OCSP status for Client certificate");

                responder.revoke(certificate);

                for (ServerProcess server : List.of(reference, natrium)) {
                    assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("%s", server.log()).isTrue();
                    assertThat(Files.readString(server.log())).contains("Received OCSP status for Client certificate '"
                            + directory.resolve("cert.pem") + "': revoked");
                }
                assertThat(natrium.process().exitValue()).isEqualTo(reference.process().exitValue());
            }
        }
    }

    @Test
    void aResponderGoneAfterTheStartIsReportedAlike() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        OcspResponder responder = OcspResponder.start(authority);
        responder.validFor(Duration.ofSeconds(4));
        Path config = config("gone.conf", authority, authority.issueServer(CertificateSpec.subject("CN=localhost")
                .withDnsNames("localhost").withOcspUrls(responder.url())), true, "ocsp { mode: always }\n");
        try (ServerProcess reference = ServerProcess.start(ExternalTools.natsServer(),
                List.of("-c", config.toString()), Duration.ofSeconds(60));
                ServerProcess natrium = ServerProcess.start(ServerProcess.natriumLauncher(),
                        List.of("-c", config.toString()), Duration.ofSeconds(60))) {
            awaitLine(natrium, "Found OCSP status for Client certificate");

            responder.close();

            for (ServerProcess server : List.of(reference, natrium)) {
                awaitLine(server, "Bad OCSP status update for certificate '" + directory.resolve("cert.pem")
                        + "': exhausted ocsp servers: Get \"" + responder.url());
                awaitLine(server, ": dial tcp " + responder.url().substring("http://".length(),
                        responder.url().indexOf("/ocsp/")) + ": connect: connection refused, trying again in ");
                assertThat(server.process().isAlive()).isTrue();
            }
        }
    }

    @Test
    void withoutBoringSslNatriumRefusesAStapleItCannotSend() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("OCSP CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            Path config = config("native.conf", authority, authority.issueServer(CertificateSpec.subject(
                    "CN=localhost").withOcspUrls(responder.url())), true, "ocsp { mode: always }\n");
            // As where the native library cannot load: Netty's switch turns it off.
            Outcome natrium = startBoth(config, ServerProcess.natriumLauncher(),
                    Map.of("NATRIUM_JAVA_OPTS", "-Dio.netty.handler.ssl.noOpenSsl=true"));

            assertThat(natrium.status()).isEqualTo(1);
            assertThat(natrium.output().strip()).isEqualTo("nats-server: OCSP stapling of the certificate at '"
                    + directory.resolve("cert.pem") + "' needs BoringSSL (netty-tcnative), which cannot load here "
                    + "(OpenSSL was explicit disabled with -Dio.netty.handler.ssl.noOpenSsl=true); running without it "
                    + "would weaken security");
        }
    }

    record Outcome(int status, String output) {
    }

    private List<Outcome> startBoth(Path config) throws Exception {
        return List.of(startBoth(config, ExternalTools.natsServer()),
                startBoth(config, ServerProcess.natriumLauncher()));
    }

    /** Starts one server that is expected to stop at once; its exit status and output. */
    private static Outcome startBoth(Path config, Path executable) throws Exception {
        return startBoth(config, executable, Map.of());
    }

    private static Outcome startBoth(Path config, Path executable, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-c", config.toString(), "-p",
                Integer.toString(ServerProcess.freePort())).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), output);
    }

    /** The certificate, key and (when asked) CA files, and a configuration with a tls block naming them. */
    private Path config(String name, CertificateAuthority authority, IssuedCertificate server, boolean withCa,
            String more) throws IOException {
        server.writeCertificate(directory.resolve("cert.pem"));
        server.writeKey(directory.resolve("key.pem"));
        authority.asIssued().writeCertificate(directory.resolve("ca.pem"));
        String ca = withCa ? ", ca_file: \"" + directory.resolve("ca.pem") + "\"" : "";
        return Files.writeString(directory.resolve(name), "tls { cert_file: \"" + directory.resolve("cert.pem")
                + "\", key_file: \"" + directory.resolve("key.pem") + "\"" + ca + " }\n" + more);
    }

    /**
     * The OCSP response the server staples in a handshake that asks for one (the JDK's client sends
     * {@code status_request} by default).
     */
    private static byte[] staple(ServerProcess server, CertificateAuthority authority) throws Exception {
        try (TlsWire wire = TlsWire.connect(server.port())) {
            SSLSocket tls = wire.upgrade(TlsFiles.clientContext(authority.certificate(), null));
            List<byte[]> responses = ((ExtendedSSLSession) tls.getSession()).getStatusResponses();
            assertThat(wire.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readFor(Duration.ofSeconds(1)))
                    .startsWith("PONG\r\n");
            return responses.isEmpty() ? new byte[0] : responses.get(0);
        }
    }

    private static void awaitLine(ServerProcess server, String text) throws Exception {
        server.awaitLog(text, Duration.ofSeconds(30));
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
