package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server started as an operating-system process with {@code -a 127.0.0.1 -p <free port>} appended to its command
 * (and, when asked for, {@code -c} a configuration with a plaintext WebSocket listener that accepts compression),
 * ready once it greets a connection with INFO. Its output goes to a log file, whose tail goes into failure reports.
 */
final class ServerUnderTest implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int websocketPort;
    private Process process;
    private int port;

    private ServerUnderTest(String name, List<String> command, Path log, int websocketPort) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.websocketPort = websocketPort;
    }

    static ServerUnderTest start(String name, List<String> command, Path logDirectory)
            throws IOException, InterruptedException {
        return start(name, command, logDirectory, false);
    }

    /** With {@code websocket}, the server also listens for WebSocket clients on {@link #websocketPort()}. */
    static ServerUnderTest start(String name, List<String> command, Path logDirectory, boolean websocket)
            throws IOException, InterruptedException {
        return start(name, command, logDirectory, websocket, null);
    }

    /** As {@link #start(String, List, Path, boolean)}, with {@code tls} (null: none) on the client port. */
    static ServerUnderTest start(String name, List<String> command, Path logDirectory, boolean websocket,
            LoadTls tls) throws IOException, InterruptedException {
        String file = name.toLowerCase().replace(' ', '-');
        List<String> full = new ArrayList<>(command);
        int websocketPort = 0;
        StringBuilder configuration = new StringBuilder();
        if (websocket) {
            websocketPort = ServerProcesses.freePort();
            configuration.append("websocket {\n  host: \"").append(IoLoop.HOST).append("\"\n  port: ")
                    .append(websocketPort).append("\n  no_tls: true\n  compression: true\n}\n");
        }
        if (tls != null) {
            configuration.append(tls.configuration());
        }
        if (configuration.length() > 0) {
            Path path = logDirectory.resolve(file + ".conf");
            Files.writeString(path, configuration, US_ASCII);
            full.addAll(List.of("-c", path.toString()));
        }
        ServerUnderTest server = new ServerUnderTest(name, full, logDirectory.resolve(file + ".log"), websocketPort);
        server.launch();
        return server;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The WebSocket listener's port, or 0 when the server has none. */
    int websocketPort() {
        return websocketPort;
    }

    Path log() {
        return log;
    }

    /** The server's process (the launcher script execs Java, so this is the JVM's for Natrium). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * CPU time the server's process (and any children) has used so far, in nanoseconds; the operating system counts it
     * in clock ticks (usually 10 ms).
     */
    long cpuNanos() {
        return cpuNanos(process);
    }

    /** CPU time {@code process} (and any children) has used so far, in nanoseconds. */
    static long cpuNanos(Process process) {
        ProcessHandle handle = process.toHandle();
        long total = cpu(handle);
        for (ProcessHandle child : handle.descendants().toList()) {
            total += cpu(child);
        }
        return total;
    }

    private static long cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Starts the server again (on a new port) after it died; its log continues in the same file. */
    void restart() throws IOException, InterruptedException {
        close();
        launch();
    }

    /** The last {@code lines} lines of the server's output. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, US_ASCII);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void launch() throws IOException, InterruptedException {
        port = ServerProcesses.freePort();
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-a", IoLoop.HOST, "-p", Integer.toString(port)));
        process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!awaitInfo()) {
            String state = process.isAlive() ? "did not answer within " + READY_WITHIN.toSeconds() + " s"
                    : "exited with code " + process.exitValue();
            close();
            throw new IOException(full + " " + state + "; log:\n" + logTail(30));
        }
    }

    private boolean awaitInfo() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(IoLoop.HOST, port), 200);
                socket.setSoTimeout(1_000);
                InputStream in = socket.getInputStream();
                if (new String(in.readNBytes(4), US_ASCII).equals("INFO")) {
                    return true;
                }
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return false;
    }


    /** Sends SIGTERM, and SIGKILL if the process has not exited within ten seconds. */
    @Override
    public void close() {
        ServerProcesses.stop(process);
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }
}
