package io.natrium.bootstrap;

import io.natrium.adapter.protocol.HostText;
import io.natrium.bootstrap.logging.GoPathError;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files nats-server leaves for other processes: the PID file ({@code -P}, {@code pid_file}) holding the process
 * id, written as the server starts and left behind at exit (nats-server never removes it), and the ports file
 * ({@code --ports_file_dir}) named {@code <executable>_<pid>.ports} holding the URLs the server listens on as JSON
 * ({@code {"nats":["nats://127.0.0.1:4222"]}}), written once it listens and removed at exit. A ports file that cannot
 * be written or removed is logged with nats-server's words and the server goes on.
 */
final class ProcessFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessFiles.class);
    /** nats-server names the ports file after its executable; tools look for this name. */
    static final String EXECUTABLE_NAME = "nats-server";
    /** Go's {@code os.WriteFile(name, data, 0660)}, before the umask. */
    private static final FileAttribute<?>[] PID_FILE_MODE = pidFileMode();

    private final long pid;
    private Path pidFile;
    private Path portsFile;

    ProcessFiles(long pid) {
        this.pid = pid;
    }

    /**
     * Writes the PID file; an empty or null path writes nothing.
     *
     * @throws IOException with Go's text of the failure ({@code open /x/nats.pid: no such file or directory})
     */
    void writePid(String path) throws IOException {
        if (path == null || path.isEmpty()) {
            return;
        }
        Path file = Path.of(path);
        try {
            write(file, Long.toString(pid), PID_FILE_MODE);
        } catch (IOException e) {
            throw new IOException(GoPathError.text("open", file, e), e);
        }
        pidFile = file;
    }

    /**
     * Writes the ports file into {@code directory}, with nats-server's entries in its order ({@code nats},
     * {@code monitoring}, {@code websocket}), each left out when its listener is not open (null); an empty or null
     * directory writes nothing.
     */
    void writePorts(String directory, InetSocketAddress client, InetSocketAddress monitoring, boolean monitoringTls,
            InetSocketAddress websocket, boolean websocketTls) {
        if (directory == null || directory.isEmpty()) {
            return;
        }
        StringBuilder json = new StringBuilder("{");
        appendUrls(json, "nats", "nats", client);
        appendUrls(json, "monitoring", monitoringTls ? "https" : "http", monitoring);
        appendUrls(json, "websocket", websocketTls ? "wss" : "ws", websocket);
        json.append('}');
        Path file = Path.of(directory, EXECUTABLE_NAME + "_" + pid + ".ports");
        // nats-server removes it at exit even when it could not write it, and says so.
        portsFile = file;
        try {
            write(file, json.toString());
        } catch (IOException e) {
            LOG.error("Error writing ports file ({}): {}", file, GoPathError.text("open", file, e));
        }
    }

    /** Removes the ports file, as nats-server does at exit and when a reload moves it; the PID file stays. */
    void removePortsFile() {
        Path file = portsFile;
        portsFile = null;
        if (file == null) {
            return;
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            LOG.error("Error cleaning up ports file {}: {}", file, GoPathError.text("remove", file, e));
        }
    }

    Path pidFile() {
        return pidFile;
    }

    Path portsFile() {
        return portsFile;
    }

    private static void appendUrls(StringBuilder json, String name, String scheme, InetSocketAddress address) {
        if (address == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":[");
        List<String> urls = urls(scheme, address);
        for (int i = 0; i < urls.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(urls.get(i)).append('"');
        }
        json.append(']');
    }

    /** Like nats-server: every interface address when listening on all of them, else the bound address. */
    static List<String> urls(String scheme, InetSocketAddress address) {
        List<String> urls = new ArrayList<>();
        if (address.getAddress().isAnyLocalAddress()) {
            for (InetAddress local : interfaceAddresses()) {
                urls.add(url(scheme, local, address.getPort()));
            }
        } else {
            urls.add(url(scheme, address.getAddress(), address.getPort()));
        }
        return urls;
    }

    private static String url(String scheme, InetAddress host, int port) {
        String text = HostText.of(host);
        return scheme + "://" + (host instanceof Inet6Address && text.indexOf(':') >= 0 ? "[" + text + "]" : text)
                + ":" + port;
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(network.getInetAddresses()));
            }
        } catch (SocketException e) {
            LOG.warn("Cannot list network interfaces: {}", e.getMessage());
        }
        return addresses;
    }

    private static FileAttribute<?>[] pidFileMode() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-rw----");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
    }

    private static void write(Path file, String text, FileAttribute<?>... mode) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), mode)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
