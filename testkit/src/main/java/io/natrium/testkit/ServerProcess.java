package io.natrium.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A server started as an operating-system process, the way client libraries' test suites start nats-server: the
 * reference nats-server ({@link ExternalTools#natsServer()}) for differential tests, or Natrium through its
 * launcher script. Output goes to a log file under {@code target/}.
 */
public final class ServerProcess implements AutoCloseable {

    /** The ports {@link #freePort} has handed out in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /** After this many ports already handed out, one is given again rather than none (the range is wide). */
    private static final int MAX_ATTEMPTS = 50;

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Natrium's launcher script ({@code natrium} at the repository root), found from the working directory up. */
    public static Path natriumLauncher() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path script = dir.resolve("natrium");
            if (Files.isExecutable(script) && Files.exists(dir.resolve("mvnw"))) {
                return script;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no natrium launcher above " + Path.of("").toAbsolutePath());
    }

    /** A port that was free a moment ago. */
    public static int freePort() throws IOException {
        // The kernel may hand the same ephemeral port to two sockets opened one after the other (the first one closed):
        // a test that asks for a client port and an MQTT port then gets one port twice. So a port is handed out once.
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port) || attempt >= MAX_ATTEMPTS) {
                    return port;
                }
            }
        }
    }

    /**
     * Starts {@code executable} with {@code -a 127.0.0.1 -p <port>} and the extra arguments, and waits until it
     * answers with INFO.
     */
    public static ServerProcess start(Path executable, List<String> extraArguments, Duration readyWithin)
            throws IOException, InterruptedException {
        return start(executable, freePort(), extraArguments, readyWithin);
    }

    /** Like {@link #start(Path, List, Duration)} on a given port. */
    public static ServerProcess start(Path executable, int port, List<String> extraArguments, Duration readyWithin)
            throws IOException, InterruptedException {
        return start(executable, port, extraArguments, Map.of(), readyWithin);
    }

    /**
     * Like {@link #start(Path, List, Duration)} with these environment variables added, e.g. {@code NATRIUM_JAVA_OPTS}
     * for the JVM under Natrium's launcher.
     */
    public static ServerProcess start(Path executable, List<String> extraArguments, Map<String, String> environment,
            Duration readyWithin) throws IOException, InterruptedException {
        return start(executable, freePort(), extraArguments, environment, readyWithin);
    }

    private static ServerProcess start(Path executable, int port, List<String> extraArguments,
            Map<String, String> environment, Duration readyWithin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-a");
        command.add("127.0.0.1");
        command.add("-p");
        command.add(Integer.toString(port));
        command.addAll(extraArguments);
        Path log = Files.createTempFile(logDirectory(), executable.getFileName() + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, port, log);
        if (!server.awaitInfo(readyWithin)) {
            server.close();
            throw new IllegalStateException(command + " did not answer within " + readyWithin + "; log:\n"
                    + Files.readString(log));
        }
        return server;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    /** Sends SIGTERM and waits for the exit; returns the exit code. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(10));
        }
    }

    /**
     * Waits until the server's log holds a match of {@code pattern} (lines are written by the server's own threads,
     * after what the test did); returns the log then, or fails with the log as it is after {@code within}.
     */
    public String awaitLog(Pattern pattern, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String content = readLog();
        while (!pattern.matcher(content).find()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no match of " + pattern + " in " + this + " within " + within + ":\n"
                        + content);
            }
            TimeUnit.MILLISECONDS.sleep(10);
            content = readLog();
        }
        return content;
    }

    /** Like {@link #awaitLog(Pattern, Duration)} for a plain text anywhere in the log. */
    public String awaitLog(String text, Duration within) throws IOException, InterruptedException {
        return awaitLog(Pattern.compile(Pattern.quote(text)), within);
    }

    private String readLog() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    private boolean awaitInfo(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                // Natrium takes connections before it is ready (its port is bound first): wait on this one for INFO,
                // as a client does, rather than leaving a trail of abandoned connections for the server to accept.
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                InputStream in = socket.getInputStream();
                String info = readLine(in);
                if (info.startsWith("INFO")) {
                    return info.contains("\"auth_required\"") || info.contains("\"tls_required\"")
                            || answersPing(socket, in);
                }
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        return false;
    }

    /**
     * Natrium greets the clients of a plain {@code -a/-p} start with INFO before it is wired, and answers them once it
     * is: the PONG says the server runs. (Such a start has no authentication or TLS; a server with either greets
     * only once it is wired, so its INFO is enough.)
     */
    private static boolean answersPing(Socket socket, InputStream in) throws IOException {
        socket.getOutputStream().write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer = readLine(in);
        return answer.startsWith("PONG") || answer.startsWith("-ERR");
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        if (b < 0) {
            throw new IOException("closed after " + line);
        }
        return line.toString();
    }

    private static Path logDirectory() throws IOException {
        Path dir = Path.of("target", "server-logs");
        Files.createDirectories(dir);
        return dir.toAbsolutePath();
    }

    @Override
    public String toString() {
        return "server process on port " + port + " (log " + log + ")";
    }
}
