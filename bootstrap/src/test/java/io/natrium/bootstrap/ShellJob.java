package io.natrium.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server started the way test suites and scripts start nats-server: a background job of a non-interactive shell,
 * {@code bash -c 'server ... &'}, which starts with SIGINT (and SIGQUIT) ignored. The shell first starts a probe job
 * the same way, to show which signals its jobs start with ignored, and stays to report the server's exit status as
 * {@code wait} gives it. Standard output and error of the server go to one log file.
 */
final class ShellJob implements AutoCloseable {

    private static final String SCRIPT = """
            %s
            grep SigIgn /proc/self/status & wait $!
            "$@" >"$NATRIUM_JOB_LOG" 2>&1 &
            echo "pid $!"
            wait $!
            echo "exit $?"
            """;

    private final Process shell;
    private final BlockingQueue<String> shellLines = new LinkedBlockingQueue<>();
    private final Path log;
    private final long ignoredByJobs;
    private final long pid;

    private ShellJob(Process shell, Path log) throws IOException, InterruptedException {
        this.shell = shell;
        this.log = log;
        Thread reader = new Thread(this::readShell, "shell-job-reader");
        reader.setDaemon(true);
        reader.start();
        this.ignoredByJobs = Long.parseLong(nextLine("SigIgn:").substring("SigIgn:".length()).trim(), 16);
        this.pid = Long.parseLong(nextLine("pid ").substring("pid ".length()));
    }

    /**
     * Starts {@code command} as a background job of {@code bash -c}, after {@code prelude} (shell commands, e.g.
     * {@code trap '' HUP} for a job that also starts with SIGHUP ignored, as under nohup).
     */
    static ShellJob start(String prelude, List<String> command, Path log, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> shellCommand = new ArrayList<>(List.of("bash", "-c", SCRIPT.formatted(prelude), "bash"));
        shellCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(shellCommand).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("NATRIUM_JOB_LOG", log.toString());
        return new ShellJob(builder.start(), log);
    }

    long pid() {
        return pid;
    }

    /** Whether the shell's background jobs start with this signal ignored (the probe job's {@code SigIgn}). */
    boolean jobsStartIgnoring(int signal) {
        return (ignoredByJobs & (1L << (signal - 1))) != 0;
    }

    /** Sends a signal by name ({@code INT}, {@code USR2}, ...) with {@code kill}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -s " + name + " " + pid + ": " + output);
        }
    }

    /** The server's exit status as the shell's {@code wait} reports it, or empty if it still runs after the wait. */
    OptionalInt awaitExit(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String line;
        do {
            line = shellLines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } while (line != null && !line.startsWith("exit "));
        return line == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(line.substring("exit ".length())));
    }

    /** Waits until {@code file} (the job's log when null) contains {@code text}; returns whether it did. */
    boolean awaitLog(Path file, String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (read(file).contains(text)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return read(file).contains(text);
    }

    boolean awaitLog(String text, Duration within) throws InterruptedException {
        return awaitLog(log, text, within);
    }

    String log() {
        return read(log);
    }

    boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (isAlive()) {
            new ProcessBuilder("kill", "-s", "KILL", Long.toString(pid)).start().waitFor();
        }
        if (!shell.waitFor(10, TimeUnit.SECONDS)) {
            shell.destroyForcibly();
        }
    }

    private String nextLine(String prefix) throws InterruptedException {
        String line = shellLines.poll(30, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("the shell said " + line + " where " + prefix + " was expected");
        }
        return line;
    }

    private void readShell() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                shellLines.add(line);
            }
        } catch (IOException ignored) {
            // the shell is gone; awaitExit reports what was read
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
