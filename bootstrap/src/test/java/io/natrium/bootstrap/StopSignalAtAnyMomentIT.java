package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM at any moment stops the server, as it stops nats-server: sent at random moments of the start (the launcher
 * still training its class-data archive, the JVM starting, the server being wired, binding, ready) and while
 * publishers keep it busy. nats-server dies of the signal before its handlers are in place and exits 1 after them;
 * Natrium may also exit 143, the JVM's own handler, in the moment before its handlers are in place, which a parent
 * sees as death by SIGTERM too (128 + 15). Either way the process must be gone within {@link #EXIT}, and leave no
 * process of its own behind.
 */
class StopSignalAtAnyMomentIT {

    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final Duration READY = Duration.ofSeconds(60);
    private static final int TRIES = 20;
    private static final Duration LEFT_BEHIND = Duration.ofSeconds(5);
    /** 1 after nats-server's handlers, 128 + SIGTERM before them (Java reports death by a signal so). */
    private static final List<Integer> STOPPED = List.of(1, 143);
    /**
     * nats-server also: 2, Go's runtime exit when re-raising a signal that came before {@code signal.Notify} did not
     * kill the process (seen once here, the signal sent 15 ms into its start).
     */
    private static final List<Integer> REFERENCE_STOPPED = List.of(1, 2, 143);

    @TempDir
    Path dir;

    @Test
    void sigtermAtRandomMomentsOfTheStartStopsNatsServerAndNatrium() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path natsServer = ExternalTools.natsServer();
        Path launcher = privateLauncher();
        Path archiveDirectory = launcher.getParent().resolve("bootstrap/target");

        List<String> reference = signalDuringStarts(natsServer, REFERENCE_STOPPED, random, () -> { });
        // Half the starts find no class-data archive, so that their launcher trains one first.
        List<String> natrium = signalDuringStarts(launcher, STOPPED, random, () -> {
            if (random.nextBoolean()) {
                deleteArchives(archiveDirectory);
            }
        });

        String seen = "seed " + seed + "; nats-server " + reference + "; Natrium " + natrium;
        System.out.println("SIGTERM during starts: " + seen);
        assertThat(reference).as(seen).allMatch(outcome -> outcome.startsWith("exit "));
        assertThat(natrium).as(seen).allMatch(outcome -> outcome.startsWith("exit ") && !outcome.contains("leaving"));
    }

    @Test
    void sigtermWhilePublishersKeepTheServerBusyStopsItWithExitOne() throws Exception {
        Path natsServer = ExternalTools.natsServer();
        for (int i = 0; i < 3; i++) {
            assertThat(signalUnderLoad(natsServer)).as("nats-server").isEqualTo(1);
            assertThat(signalUnderLoad(ServerProcess.natriumLauncher())).as("Natrium").isEqualTo(1);
        }
    }

    /**
     * A copy of the launcher beside a copy of the built jar, so that its class-data archives (kept beside the jar)
     * are this test's own: it deletes them to make starts train, which must not touch other tests' servers.
     */
    private Path privateLauncher() throws IOException {
        Path original = ServerProcess.natriumLauncher();
        Path root = Files.createDirectories(dir.resolve("natrium-root"));
        Path target = Files.createDirectories(root.resolve("bootstrap/target"));
        Files.copy(original.getParent().resolve("bootstrap/target/natrium.jar"), target.resolve("natrium.jar"));
        Path launcher = root.resolve("natrium");
        Files.copy(original, launcher);
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        return launcher;
    }

    /** The launcher's archives and their .env files (natrium_&lt;java path&gt;.*): the next start trains anew. */
    private static void deleteArchives(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(StopSignalAtAnyMomentIT::isArchive).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isArchive(Path file) {
        return file.getFileName().toString().startsWith("natrium_") && Files.isRegularFile(file);
    }

    /** A training lock a stopped launcher left (the next starts would run without an archive for ten minutes). */
    private static List<String> locksLeft(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".lock")).map(Path::toString).toList();
        }
    }

    /**
     * Starts {@code executable} {@value #TRIES} times and sends SIGTERM at a random moment up to a little past the
     * time a start takes; returns each outcome: {@code exit <status> after <ms>}, or what went wrong.
     */
    private static List<String> signalDuringStarts(Path executable, List<Integer> stopped, Random random,
            BeforeStart beforeEach) throws Exception {
        // Twice: the first start of the launcher trains its archive.
        timeToReady(executable);
        long startNanos = timeToReady(executable);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            beforeEach.run();
            long delayNanos = (long) (random.nextDouble() * startNanos * 1.2);
            Process process = start(executable);
            TimeUnit.NANOSECONDS.sleep(delayNanos);
            long signalled = System.nanoTime();
            process.destroy();
            if (!process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS)) {
                outcomes.add("still running " + EXIT + " after SIGTERM sent " + delayNanos / 1_000_000 + " ms in");
                process.destroyForcibly().waitFor();
                continue;
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            int status = process.exitValue();
            List<String> left = new ArrayList<>(leftBehind(executable.getParent()));
            Path archives = executable.getParent().resolve("bootstrap/target");
            if (Files.isDirectory(archives)) {
                left.addAll(locksLeft(archives));
            }
            outcomes.add((stopped.contains(status) ? "exit " : "unexpected exit ") + status + " after " + tookMillis
                    + " ms (sent " + delayNanos / 1_000_000 + " ms in)" + (left.isEmpty() ? "" : " leaving " + left));
        }
        return outcomes;
    }

    /** What to do before each start. */
    @FunctionalInterface
    private interface BeforeStart {
        void run() throws IOException;
    }

    /** How long a start takes until the server answers with INFO, measured once. */
    private static long timeToReady(Path executable) throws Exception {
        long begin = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(executable, List.of(), READY)) {
            return System.nanoTime() - begin;
        }
    }

    private static Process start(Path executable) throws IOException {
        return new ProcessBuilder(executable.toString(), "-a", "127.0.0.1", "-p",
                Integer.toString(ServerProcess.freePort())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Processes whose command line names {@code root} still running {@link #LEFT_BEHIND} after the start they came
     * from was stopped: a class-data trainer the launcher did not stop (one takes longer than that to finish).
     */
    private static List<String> leftBehind(Path root) throws InterruptedException {
        if (!root.toString().contains("natrium-root")) {
            return List.of();
        }
        long deadline = System.nanoTime() + LEFT_BEHIND.toNanos();
        List<String> found;
        do {
            found = ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().orElse("").contains(root.toString()))
                    .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                    .toList();
            if (!found.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } while (!found.isEmpty() && System.nanoTime() < deadline);
        return found;
    }

    /**
     * Starts {@code executable}, keeps it busy with four publishers writing as fast as they can to a subject two
     * subscribers take, sends SIGTERM once they have written 8 MiB, and returns the exit status.
     */
    private static int signalUnderLoad(Path executable) throws Exception {
        try (ServerProcess server = ServerProcess.start(executable, List.of(), READY)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean subscriber = i < 2;
                Thread client = new Thread(() -> busy(server.port(), subscriber, stop, written));
                client.setDaemon(true);
                client.start();
                clients.add(client);
            }
            long deadline = System.nanoTime() + READY.toNanos();
            while (written.get() < 8L * 1024 * 1024 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertThat(written.get()).as("the publishers got going").isGreaterThanOrEqualTo(8L * 1024 * 1024);
            Process process = server.process();
            process.destroy();
            boolean exited = process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS);
            stop.set(true);
            for (Thread client : clients) {
                client.join(EXIT.toMillis());
            }
            assertThat(exited).as("%s stopped within %s of SIGTERM under load", executable, EXIT).isTrue();
            return process.exitValue();
        }
    }

    private static void busy(int port, boolean subscriber, AtomicBoolean stop, AtomicLong written) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT {\"verbose\":false}\r\n" + (subscriber ? "SUB load 1\r\n" : ""))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[64 * 1024];
            if (subscriber) {
                while (!stop.get() && in.read(buffer) >= 0) {
                    // reading, so that the server keeps delivering
                }
                return;
            }
            byte[] message = ("PUB load 512\r\n" + "x".repeat(512) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] batch = new byte[message.length * 64];
            for (int i = 0; i < 64; i++) {
                System.arraycopy(message, 0, batch, i * message.length, message.length);
            }
            while (!stop.get()) {
                out.write(batch);
                written.addAndGet(batch.length);
            }
        } catch (IOException closed) {
            // the server went away: what this test waits for
        }
    }
}
