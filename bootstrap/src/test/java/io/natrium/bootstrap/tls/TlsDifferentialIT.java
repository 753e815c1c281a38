package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.TlsFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nats-server 2.9.10 and Natrium with the same generated certificates and the same {@code tls} blocks: the INFO
 * fields, the handshake (agreed version and suite), and for every way a handshake fails (clear text on a TLS port,
 * a record too long to be a hello, a client that never starts, a client without a certificate or with another
 * CA's under {@code verify}) what the client gets and the lines each server logs, client addresses masked.
 */
class TlsDifferentialIT {

    private static final Pattern CLIENT = Pattern.compile("127\\.0\\.0\\.1:\\d+ - cid:\\d+");
    private static final Pattern PORTS = Pattern.compile("127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:\\d+");
    private static final Pattern KEYS = Pattern.compile("\"(\\w+)\":");
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @TempDir
    static Path directory;
    private static TlsFiles files;
    private static final List<ServerProcess> STARTED = new ArrayList<>();
    private static ServerProcess[] tlsOnly;
    private static ServerProcess[] verify;

    @BeforeAll
    static void startBoth() throws Exception {
        Path natsServer = ExternalTools.natsServer();
        files = TlsFiles.create(directory);
        String tls = "tls { cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey()
                + "\", ca_file: \"" + files.caFile() + "\", timeout: 1";
        tlsOnly = pair(natsServer, "plain.conf", tls + " }\n");
        verify = pair(natsServer, "verify.conf", tls + ", verify: true }\n");
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (ServerProcess server : STARTED) {
            server.close();
        }
    }

    @Test
    void infoAnnouncesTlsAsNatsServerDoes() throws Exception {
        for (ServerProcess[] servers : List.of(tlsOnly, verify)) {
            String reference = infoOf(servers[0]);
            String natrium = infoOf(servers[1]);

            assertThat(tlsFields(natrium)).isEqualTo(tlsFields(reference));
            assertThat(keys(natrium)).containsSubsequence(keys(reference).stream()
                    .filter(key -> !key.equals("git_commit")).toList());
        }
        assertThat(tlsFields(infoOf(verify[0]))).containsExactly("\"tls_required\":true", "\"tls_verify\":true");
    }

    @Test
    void theHandshakeAgreesOnTheSameVersionAndSuite() throws Exception {
        for (ServerProcess server : tlsOnly) {
            try (TlsWire wire = TlsWire.connect(server.port())) {
                // Go's client order (nats.go's): AES-128 first.
                SSLSocket tls = wire.upgrade(files.clientContext(), "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                        "TLS_CHACHA20_POLY1305_SHA256");

                assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
                assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
                assertThat(wire.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readFor(Duration.ofSeconds(1)))
                        .isEqualTo("PONG\r\n");
            }
        }
    }

    /**
     * The one handshake difference BoringSSL brings (docs/compatibility.md): among TLS 1.3 suites it takes the
     * client's first AES-GCM choice, where Go takes its own order (AES-128 first). A JSSE client, which lists
     * AES-256 first, gets AES-128 from nats-server and AES-256 from Natrium; both are TLS 1.3 AES-GCM.
     */
    @Test
    void aClientPreferringAes256GetsItFromBoringSslWhereGoKeepsAes128() throws Exception {
        String[] suites = new String[2];
        for (int i = 0; i < 2; i++) {
            try (TlsWire wire = TlsWire.connect(tlsOnly[i].port())) {
                suites[i] = wire.upgrade(files.clientContext(), "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256")
                        .getSession().getCipherSuite();
            }
        }
        assertThat(suites).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
    }

    /**
     * A client that renegotiates a TLS 1.2 session: neither server renegotiates (Go's TLS server never does, nor does
     * BoringSSL's): the connection is closed at the new hello, alike, and both go on serving new clients.
     */
    @Test
    void aRenegotiationIsAnsweredAlikeAndTheServerStaysUp() throws Exception {
        String[] outcomes = new String[2];
        for (int i = 0; i < 2; i++) {
            try (TlsWire wire = TlsWire.connect(tlsOnly[i].port())) {
                SSLSocket tls = wire.upgrade(files.clientContext(),
                        socket -> socket.setEnabledProtocols(new String[] {"TLSv1.2"}));
                assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
                assertThat(wire.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readFor(Duration.ofSeconds(1)))
                        .isEqualTo("PONG\r\n");
                try {
                    tls.startHandshake();
                    // JSSE sends the new hello and returns; the server's answer comes with the next read.
                    outcomes[i] = "after the new hello: " + wire.send("PING\r\n").readFor(Duration.ofSeconds(1));
                } catch (IOException refused) {
                    outcomes[i] = "refused";
                }
            }
            try (TlsWire next = TlsWire.connect(tlsOnly[i].port())) {
                next.upgrade(files.clientContext());
                assertThat(next.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readFor(Duration.ofSeconds(1)))
                        .isEqualTo("PONG\r\n");
            }
        }
        assertThat(outcomes[0]).as("nats-server").isIn("refused", "after the new hello: <closed>");
        assertThat(outcomes[1]).as("Natrium beside nats-server").isEqualTo(outcomes[0]);
    }

    @Test
    void aPlainTextClientOnATlsPortIsClosedAndLoggedAlike() throws Exception {
        Exchange reference = exchange(tlsOnly[0], "CONNECT {}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
        Exchange natrium = exchange(tlsOnly[1], "CONNECT {}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(natrium).isEqualTo(reference);
        assertThat(reference.logged()).containsExactly(
                "[ERR] <client> - TLS handshake error: tls: first record does not look like a TLS handshake");
    }

    @Test
    void aRecordTooLongForAHelloIsRefusedWithTheSameAlert() throws Exception {
        byte[] garbage = "\u0016\u0003\u0001garbage-hello-xxxxxxxxxxxxxxxxxxx".getBytes(StandardCharsets.ISO_8859_1);

        Exchange reference = exchange(tlsOnly[0], garbage);
        Exchange natrium = exchange(tlsOnly[1], garbage);

        assertThat(natrium).isEqualTo(reference);
        assertThat(reference.received()).isEqualTo("\u0015\u0003\u0001\u0000\u0002\u0002\u0016<closed>");
    }

    @Test
    void aHandshakeThatNeverStartsIsCutAtTheTimeout() throws Exception {
        long started = System.nanoTime();
        Exchange reference = exchange(tlsOnly[0], new byte[0]);
        Duration referenceTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        Exchange natrium = exchange(tlsOnly[1], new byte[0]);
        Duration natriumTook = Duration.ofNanos(System.nanoTime() - started);

        String deadline = "[ERR] <client> - TLS handshake error: read tcp <ports>: i/o timeout";
        assertThat(natrium.received()).isEqualTo(reference.received()).isEqualTo("<closed>");
        assertThat(natrium.logged()).containsExactly(deadline);
        // nats-server's read deadline and its handshake timer fire together: its timer's line may come too, before
        // or after the deadline's.
        assertThat(reference.logged()).contains(deadline)
                .isSubsetOf(deadline, "[ERR] <client> - TLS handshake timeout");
        assertThat(natriumTook).isBetween(Duration.ofMillis(900), referenceTook.plusSeconds(1));
    }

    @Test
    void underVerifyAClientWithoutACertificateFailsAlike() throws Exception {
        List<String> logged = new ArrayList<>();
        for (ServerProcess server : verify) {
            try (TlsWire wire = TlsWire.connect(server.port())) {
                // TLS 1.3: the client finishes first; the server's refusal arrives with the first read.
                assertThatThrownBy(() -> {
                    wire.upgrade(files.clientContext());
                    wire.send("PING\r\n");
                    assertThat(wire.readFor(Duration.ofSeconds(2))).endsWith("<closed>");
                    throw new IOException("closed");
                }).isInstanceOf(IOException.class);
                logged.add(String.join("\n", errorLines(server, wire.localPort())));
            }
        }
        assertThat(logged.get(1)).isEqualTo(logged.get(0))
                .isEqualTo("[ERR] <client> - TLS handshake error: tls: client didn't provide a certificate");
    }

    @Test
    void underVerifyAnotherCasCertificateIsRefusedAlike() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.root("Stranger");
        List<String> logged = new ArrayList<>();
        for (ServerProcess server : verify) {
            try (TlsWire wire = TlsWire.connect(server.port())) {
                assertThatThrownBy(() -> {
                    wire.upgrade(TlsFiles.clientContext(files.authority().certificate(),
                            stranger.issueClient(CertificateSpec.subject("CN=stranger"))));
                    wire.send("PING\r\n");
                    assertThat(wire.readFor(Duration.ofSeconds(2))).endsWith("<closed>");
                    throw new IOException("closed");
                }).isInstanceOf(IOException.class);
                logged.add(String.join("\n", errorLines(server, wire.localPort())));
            }
        }
        assertThat(logged.get(1)).isEqualTo(logged.get(0)).isEqualTo("[ERR] <client> - TLS handshake error: tls: "
                + "failed to verify client certificate: x509: certificate signed by unknown authority");
    }

    @Test
    void underVerifyTheCasClientIsLetIn() throws Exception {
        for (ServerProcess server : verify) {
            try (TlsWire wire = TlsWire.connect(server.port())) {
                wire.upgrade(files.clientContextWithCertificate());

                assertThat(wire.send("CONNECT {\"verbose\":false}\r\nPING\r\n").readFor(Duration.ofSeconds(1)))
                        .as("%s", server).isEqualTo("PONG\r\n");
            }
        }
    }

    @Test
    void missingCertificateFilesStopBothWithTheSameWords() throws Exception {
        // The tls key on line 2: on line 1 nats-server counts columns from 0, which Natrium does not copy yet.
        Path config = Files.writeString(directory.resolve("missing.conf"), "port: -1\ntls {\n  cert_file: \"" + directory
                + "/nope.pem\"\n  key_file: \"" + files.serverKey() + "\"\n}\n");
        String[] outputs = new String[2];
        int[] codes = new int[2];
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (int i = 0; i < 2; i++) {
            Process process = new ProcessBuilder(executables.get(i).toString(), "-c", config.toString(), "-p", "-1")
                    .redirectErrorStream(true).start();
            outputs[i] = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            codes[i] = process.waitFor();
        }

        assertThat(outputs[1]).isEqualTo(outputs[0]).isEqualTo("nats-server: " + config
                + ":2:1: error parsing X509 certificate/key pair: open " + directory
                + "/nope.pem: no such file or directory\n\n");
        assertThat(codes[1]).isEqualTo(codes[0]).isEqualTo(1);
    }

    /** What came back after INFO and the connection's non-debug log lines. */
    record Exchange(String received, List<String> logged) {
    }

    private static Exchange exchange(ServerProcess server, byte[] input) throws Exception {
        try (TlsWire wire = TlsWire.connect(server.port())) {
            if (input.length > 0) {
                wire.send(input);
            }
            String received = wire.readFor(LIMIT);
            return new Exchange(received, errorLines(server, wire.localPort()));
        }
    }

    private static List<String> errorLines(ServerProcess server, int clientPort) throws Exception {
        String client = "127.0.0.1:" + clientPort + " - cid:";
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<String> lines = linesOf(server, client);
        while (lines.stream().noneMatch(line -> line.contains("connection closed")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            lines = linesOf(server, client);
        }
        return lines.stream().filter(line -> !line.contains("[DBG]") && !line.contains("[TRC]"))
                .map(line -> line.substring(line.indexOf(" [") + 1))
                .map(line -> PORTS.matcher(CLIENT.matcher(line).replaceAll("<client>")).replaceAll("<ports>"))
                .toList();
    }

    private static List<String> linesOf(ServerProcess server, String client) throws IOException {
        return Files.readString(server.log(), StandardCharsets.ISO_8859_1).lines()
                .filter(line -> line.contains(client)).toList();
    }

    private static String infoOf(ServerProcess server) throws IOException {
        try (TlsWire wire = TlsWire.connect(server.port())) {
            return wire.info();
        }
    }

    private static List<String> tlsFields(String info) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"tls_\\w+\":\\w+").matcher(info);
        while (matcher.find()) {
            fields.add(matcher.group());
        }
        return fields;
    }

    private static List<String> keys(String info) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = KEYS.matcher(info);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static ServerProcess[] pair(Path natsServer, String name, String config) throws Exception {
        Path file = Files.writeString(directory.resolve(name), config);
        List<String> arguments = List.of("-c", file.toString(), "-D");
        ServerProcess reference = ServerProcess.start(natsServer, arguments, Duration.ofSeconds(10));
        STARTED.add(reference);
        ServerProcess natrium = ServerProcess.start(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60));
        STARTED.add(natrium);
        return new ServerProcess[] {reference, natrium};
    }
}
