package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessFilesTest {

    @TempDir
    Path dir;

    private final ProcessFiles files = new ProcessFiles(4242);

    @Test
    void writesThePidAndLeavesItAtExitAsNatsServerDoes() throws Exception {
        Path pid = dir.resolve("nats.pid");

        files.writePid(pid.toString());
        assertThat(pid).hasContent("4242");
        assertThat(Files.getPosixFilePermissions(pid)).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE);

        files.removePortsFile();
        assertThat(pid).exists();
    }

    @Test
    void aPidFileThatCannotBeWrittenFailsWithGosWords() {
        Path pid = dir.resolve("missing").resolve("nats.pid");

        assertThatIOException().isThrownBy(() -> files.writePid(pid.toString()))
                .withMessage("open " + pid + ": no such file or directory");
    }

    @Test
    void aPortsFileThatCannotBeWrittenIsStillRemovedAtExitAndNeitherStopsTheServer() {
        files.writePorts(dir.resolve("missing").toString(), new InetSocketAddress("127.0.0.1", 4222), null, false,
                null, false);

        assertThat(files.portsFile()).isEqualTo(dir.resolve("missing").resolve("nats-server_4242.ports"));
        files.removePortsFile();
        assertThat(files.portsFile()).isNull();
    }

    @Test
    void writesThePortsFileNamedLikeNatsServers() throws Exception {
        files.writePorts(dir.toString(), new InetSocketAddress("127.0.0.1", 4222),
                new InetSocketAddress("127.0.0.1", 8222), false, null, false);

        Path ports = dir.resolve("nats-server_4242.ports");
        assertThat(Files.readString(ports))
                .isEqualTo("{\"nats\":[\"nats://127.0.0.1:4222\"],\"monitoring\":[\"http://127.0.0.1:8222\"]}");
        files.removePortsFile();
        assertThat(ports).doesNotExist();
    }

    @Test
    void namesTheWebsocketListenerAfterTheOthersAsNatsServerDoes() throws Exception {
        files.writePorts(dir.toString(), new InetSocketAddress("127.0.0.1", 4222),
                new InetSocketAddress("127.0.0.1", 8222), false, new InetSocketAddress("127.0.0.1", 8080), false);

        assertThat(Files.readString(dir.resolve("nats-server_4242.ports"))).isEqualTo("{\"nats\":"
                + "[\"nats://127.0.0.1:4222\"],\"monitoring\":[\"http://127.0.0.1:8222\"],"
                + "\"websocket\":[\"ws://127.0.0.1:8080\"]}");
    }

    @Test
    void namesASecureWebsocketListenerWss() throws Exception {
        files.writePorts(dir.toString(), new InetSocketAddress("127.0.0.1", 4222), null, false,
                new InetSocketAddress("127.0.0.1", 8443), true);

        assertThat(Files.readString(dir.resolve("nats-server_4242.ports")))
                .isEqualTo("{\"nats\":[\"nats://127.0.0.1:4222\"],\"websocket\":[\"wss://127.0.0.1:8443\"]}");
    }

    @Test
    void leavesOutWhatIsNotListening() throws Exception {
        files.writePorts(dir.toString(), new InetSocketAddress("127.0.0.1", 4222), null, false, null, false);

        assertThat(Files.readString(files.portsFile())).isEqualTo("{\"nats\":[\"nats://127.0.0.1:4222\"]}");
    }

    @Test
    void writesNothingWithoutAPathOrDirectory() throws Exception {
        files.writePid(null);
        files.writePid("");
        files.writePorts("", new InetSocketAddress("127.0.0.1", 4222), null, false, null, false);

        assertThat(files.pidFile()).isNull();
        assertThat(files.portsFile()).isNull();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void listsEveryInterfaceAddressWhenListeningOnAll() {
        assertThat(ProcessFiles.urls("nats", new InetSocketAddress("0.0.0.0", 4222)))
                .contains("nats://127.0.0.1:4222").allMatch(url -> url.endsWith(":4222"));
        assertThat(ProcessFiles.urls("https", new InetSocketAddress("::1", 8222)))
                .containsExactly("https://[::1]:8222");
    }
}
