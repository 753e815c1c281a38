package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.TlsFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify_and_map} and {@code pinned_certs} on nats-server 2.9.10 and Natrium with the same generated
 * certificates and configuration: who each certificate makes the client (email SAN, DNS SAN, a subject DN written
 * otherwise in {@code authorization} or an account, domain components), with the user's permissions and account; a
 * certificate naming nobody; a pinned and an unpinned key. What the client gets and the lines logged are compared.
 */
class TlsMappingDifferentialIT {

    private static final Pattern CLIENT = Pattern.compile("127\\.0\\.0\\.1:\\d+ - cid:\\d+");
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final String PING = "CONNECT {\"verbose\":false}\r\nPING\r\n";

    @TempDir
    static Path directory;
    private static TlsFiles files;
    private static IssuedCertificate email;
    private static IssuedCertificate dns;
    private static IssuedCertificate distinguished;
    private static IssuedCertificate accountDn;
    private static IssuedCertificate domain;
    private static IssuedCertificate nobody;
    private static IssuedCertificate other;
    private static final List<ServerProcess> STARTED = new ArrayList<>();
    private static ServerProcess[] mapping;
    private static ServerProcess[] pinned;

    @BeforeAll
    static void startBoth() throws Exception {
        Path natsServer = ExternalTools.natsServer();
        files = TlsFiles.create(directory);
        email = files.authority().issueClient(CertificateSpec.subject("CN=alice,O=Acme").withEmails("alice@acme.test"));
        dns = files.authority().issueClient(CertificateSpec.subject("CN=bob,O=Acme").withDnsNames("bob.acme.test"));
        distinguished = files.authority().client("CN=dn-user,OU=eng,O=Acme");
        accountDn = files.authority().client("CN=acc-user,O=Acme,C=US");
        domain = files.authority().client("CN=dc-user,DC=acme,DC=test");
        nobody = files.authority().client("CN=nobody,O=Elsewhere");
        other = files.authority().client("CN=other,O=Acme");
        String tls = "tls { cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey()
                + "\", ca_file: \"" + files.caFile() + "\", timeout: 1";
        mapping = pair(natsServer, "map.conf", tls + ", verify_and_map: true }\n"
                + "authorization {\n  users: [\n"
                + "    {user: \"alice@acme.test\"}\n"
                + "    {user: \"bob.acme.test\"}\n"
                + "    {user: \"cn=dn-user, ou=eng, o=Acme\", permissions: {publish: \"allowed.>\"}}\n"
                + "    {user: \"CN=dc-user,DC=acme,DC=test\"}\n"
                + "  ]\n}\n"
                + "accounts {\n  A: {\n    users: [\n      {user: \"C=US, O=Acme, CN=acc-user\"}\n    ]\n  }\n}\n");
        pinned = pair(natsServer, "pinned.conf", tls + ", verify: true, pinned_certs: [\""
                + files.client().spkiSha256() + "\"] }\n");
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (ServerProcess server : STARTED) {
            server.close();
        }
    }

    @Test
    void anEmailSanNamesTheUser() throws Exception {
        assertAlike(mapping, email, PING + "SUB x 1\r\nPUB x 2\r\nhi\r\n", "PONG\r\nMSG x 1 2\r\nhi\r\n");
    }

    @Test
    void aDnsSanNamesTheUser() throws Exception {
        assertAlike(mapping, dns, PING, "PONG\r\n");
    }

    @Test
    void theSubjectMatchesAUserNamedByDnWithItsPermissions() throws Exception {
        List<String> logged = assertAlike(mapping, distinguished, PING + "PUB allowed.x 0\r\n\r\nPUB denied.x 0\r\n\r\n"
                + "PING\r\n", "PONG\r\n-ERR 'Permissions Violation for Publish to \"denied.x\"'\r\nPONG\r\n");
        assertThat(logged).contains("[ERR] <client> - Publish Violation - User \"cn=dn-user, ou=eng, o=Acme\", "
                + "Subject \"denied.x\"");
    }

    @Test
    void theSubjectMatchesAUserOfAnAccountWrittenInAnotherOrder() throws Exception {
        assertAlike(mapping, accountDn, PING, "PONG\r\n");
    }

    @Test
    void domainComponentsAreMatched() throws Exception {
        assertAlike(mapping, domain, PING, "PONG\r\n");
    }

    @Test
    void aCertificateNamingNoUserIsRefused() throws Exception {
        List<String> logged = assertAlike(mapping, nobody, PING, "-ERR 'Authorization Violation'\r\n<closed>");
        assertThat(logged).contains("[ERR] <client> - authentication error - User \"\"");
    }

    @Test
    void aUserNamedInConnectDoesNotReplaceTheCertificatesOne() throws Exception {
        assertAlike(mapping, email, "CONNECT {\"verbose\":false,\"user\":\"bob.acme.test\"}\r\nPING\r\n",
                "PONG\r\n");
        for (ServerProcess server : mapping) {
            assertThat(Files.readString(server.log(), StandardCharsets.ISO_8859_1))
                    .as("%s", server).contains("[WRN] User \"bob.acme.test\" found in connect proto, but user required "
                            + "from cert");
        }
    }

    @Test
    void aPinnedKeyIsLetIn() throws Exception {
        assertAlike(pinned, files.client(), PING, "PONG\r\n");
    }

    @Test
    void aKeyNotPinnedIsClosedAfterTheHandshake() throws Exception {
        List<String> logged = assertAlike(pinned, other, PING, "<closed>");
        assertThat(logged).containsExactly("[ERR] <client> - TLS handshake error: certificate not pinned");
    }

    /** Both servers answer and log the same for this certificate and input; returns what was logged. */
    private static List<String> assertAlike(ServerProcess[] servers, IssuedCertificate certificate, String input,
            String expected) throws Exception {
        List<String> received = new ArrayList<>();
        List<List<String>> logged = new ArrayList<>();
        for (ServerProcess server : servers) {
            try (TlsWire wire = TlsWire.connect(server.port())) {
                String answer;
                try {
                    wire.upgrade(TlsFiles.clientContext(files.authority().certificate(), certificate));
                    wire.send(input);
                    answer = wire.readFor(expected.endsWith("<closed>") ? LIMIT : QUIET);
                } catch (IOException closed) {
                    answer = "<closed>";
                }
                received.add(answer);
                if (!expected.endsWith("<closed>")) {
                    wire.close();
                }
                logged.add(lines(server, wire.localPort()));
            }
        }
        assertThat(received.get(0)).as("nats-server").isEqualTo(expected);
        assertThat(received.get(1)).as("Natrium").isEqualTo(expected);
        assertThat(logged.get(1)).as("Natrium's log").isEqualTo(logged.get(0));
        return logged.get(0);
    }

    /** The connection's non-debug lines, once it is closed; client addresses masked. */
    private static List<String> lines(ServerProcess server, int clientPort) throws Exception {
        String client = "127.0.0.1:" + clientPort + " - cid:";
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<String> lines = linesOf(server, client);
        while (lines.stream().noneMatch(line -> line.contains("connection closed")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            lines = linesOf(server, client);
        }
        return lines.stream().filter(line -> !line.contains("[DBG]") && !line.contains("[TRC]"))
                .map(line -> line.substring(line.indexOf(" [") + 1))
                .map(line -> CLIENT.matcher(line).replaceAll("<client>"))
                .toList();
    }

    private static List<String> linesOf(ServerProcess server, String client) throws IOException {
        return Files.readString(server.log(), StandardCharsets.ISO_8859_1).lines()
                .filter(line -> line.contains(client)).toList();
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
