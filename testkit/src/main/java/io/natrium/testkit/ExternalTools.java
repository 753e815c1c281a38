package io.natrium.testkit;

import io.natrium.testkit.browser.HeadlessChromium;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs outside the JVM that some tests check Natrium against: the reference nats-server, Chromium for the
 * dashboard, Prometheus's promtool and the NATS C client. Every test finds them here. A missing one skips the test on
 * a developer's machine; with {@code -Dnatrium.reference=required}, as {@code .ci/run} sets, it fails the test
 * instead, so that CI cannot turn green with the differential suite unchecked.
 */
public final class ExternalTools {

    /** The system property that decides between skipping and failing; {@value #REQUIRED} makes it fail. */
    public static final String SWITCH = "natrium.reference";
    public static final String REQUIRED = "required";
    /** The nats-server release Natrium is compared with (Debian's); a binary of another release is no reference. */
    public static final String REFERENCE_VERSION = "2.9.10";
    /** A system property naming the nats-server binary to use instead of the one found on the usual paths. */
    public static final String NATS_SERVER_PROPERTY = "natrium.reference.nats-server";

    /**
     * Where Debian puts nats-server (/usr/sbin is not on every user's PATH), looked at before the PATH so that a
     * newer nats-server on it does not hide the reference.
     */
    private static final List<String> NATS_SERVER_DIRECTORIES = List.of("/usr/sbin", "/usr/bin", "/usr/local/bin");
    private static final String PROMTOOL = "promtool";
    private static final String LIBNATS_HEADER = "/usr/include/nats/nats.h";
    private static final long VERSION_WAIT_SECONDS = 10;

    private ExternalTools() {
    }

    /** Whether a missing tool fails the test rather than skipping it. */
    public static boolean required() {
        return REQUIRED.equals(System.getProperty(SWITCH));
    }

    /**
     * Lets the test go on only when {@code condition} holds: otherwise it is skipped (a JUnit assumption), or
     * failed when tools are {@linkplain #required() required}.
     */
    public static void requireOrAssume(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (required()) {
            Assertions.fail(message + " (and -D" + SWITCH + "=" + REQUIRED + " makes that a failure)");
        }
        Assumptions.abort(message);
    }

    /**
     * The reference nats-server binary: the one named by {@value #NATS_SERVER_PROPERTY}, or else the first
     * {@code nats-server} in Debian's directories or on the PATH, when it reports {@value #REFERENCE_VERSION}.
     */
    public static Path natsServer() {
        String configured = System.getProperty(NATS_SERVER_PROPERTY, "");
        Optional<Path> binary;
        if (configured.isBlank()) {
            binary = find("nats-server", NATS_SERVER_DIRECTORIES, List.of());
            requireOrAssume(binary.isPresent(), "nats-server is not installed (apt-get install nats-server)");
        } else {
            binary = Optional.of(Path.of(configured)).filter(ExternalTools::executable);
            requireOrAssume(binary.isPresent(), NATS_SERVER_PROPERTY + "=" + configured + " is no executable");
        }
        String expected = "nats-server: v" + REFERENCE_VERSION;
        String answer = versionLine(binary.get());
        requireOrAssume(answer.equals(expected), binary.get() + " --version answered \"" + answer
                + "\", not the reference's \"" + expected + "\"");
        return binary.get();
    }

    /** A Chromium for the browser tests (see {@link HeadlessChromium#findBinary()} for where it looks). */
    public static Path chromium() {
        Optional<Path> binary = HeadlessChromium.findBinary();
        requireOrAssume(binary.isPresent(), "no Chromium binary found (apt-get install chromium, or set "
                + HeadlessChromium.BINARY_VARIABLE + ")");
        return binary.get();
    }

    /** Prometheus's checker of the text exposition format (Debian package prometheus). */
    public static Path promtool() {
        Optional<Path> binary = find(PROMTOOL, List.of(), List.of("/usr/bin"));
        requireOrAssume(binary.isPresent(), "promtool is not installed (apt-get install prometheus)");
        return binary.get();
    }

    /**
     * A C compiler that finds the NATS C client's header and library (Debian packages gcc and libnats-dev), for the
     * tests that run a C client.
     */
    public static Path cCompilerWithLibnats() {
        Optional<Path> compiler = find("cc", List.of(), List.of("/usr/bin"));
        requireOrAssume(compiler.isPresent(), "no C compiler found (apt-get install gcc)");
        requireOrAssume(Files.isRegularFile(Path.of(LIBNATS_HEADER)),
                LIBNATS_HEADER + " is missing (apt-get install libnats-dev)");
        return compiler.get();
    }

    /** The first executable {@code name} in {@code before}, on the PATH, or in {@code after}. */
    private static Optional<Path> find(String name, List<String> before, List<String> after) {
        List<String> directories = new ArrayList<>(before);
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(after);
        return directories.stream().filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name)).filter(ExternalTools::executable).findFirst();
    }

    private static boolean executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** The first line {@code --version} prints ({@code nats-server: v2.9.10}), or why there is none. */
    private static String versionLine(Path binary) {
        try {
            // Output to a file, not a pipe: a binary that never closes its output must not block the test.
            Path output = Files.createTempFile("nats-server-version-", ".txt");
            try {
                Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(VERSION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "(no answer within " + VERSION_WAIT_SECONDS + " s)";
                }
                return Files.readString(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return "(not run: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
