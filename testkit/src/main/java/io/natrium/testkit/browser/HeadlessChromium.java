package io.natrium.testkit.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven through the DevTools protocol, for tests that look at a page as a person would.
 * It is started with a throw-away profile and a DevTools port chosen by the browser (read from its standard error),
 * and {@link #close()} always ends it and every process it started, then deletes the profile. Every step waits at
 * most the timeout given at launch.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.launch(binary, Duration.ofSeconds(10))) {
 *     BrowserPage page = browser.newPage(1280, 900).navigate(url, timeout);
 *     page.await("document.title === 'Natrium'", timeout);
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The names Chromium goes by on Debian, Ubuntu and with Google's packages. */
    private static final List<String> BINARY_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome", "headless_shell");
    /** Set to a binary's path to use that one. */
    public static final String BINARY_VARIABLE = "CHROMIUM_BIN";
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final int STDERR_LINES_KEPT = 40;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final long EXIT_POLL_NANOS = Duration.ofMillis(10).toNanos();

    private final Process process;
    private final Path profile;
    private final Duration timeout;
    private final Deque<String> stderr;
    private DevToolsConnection devTools;

    /** Ends the browser should the test JVM exit without {@link #close()} (a killed fork, System.exit). */
    private final Thread killOnExit;

    private HeadlessChromium(Process process, Path profile, Duration timeout, Deque<String> stderr) {
        this.process = process;
        this.profile = profile;
        this.timeout = timeout;
        this.stderr = stderr;
        this.killOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "chromium-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The Chromium binary named by {@value #BINARY_VARIABLE}, or the first one on the {@code PATH}. */
    public static Optional<Path> findBinary() {
        String configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String name : BINARY_NAMES) {
            for (String directory : searchPath.split(File.pathSeparator)) {
                Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser and connects to it; on any failure nothing is left running. */
    public static HeadlessChromium launch(Path binary, Duration timeout) throws IOException {
        Path profile = Files.createTempDirectory("natrium-chromium-");
        List<String> command = List.of(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
                "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> stderr = new ArrayDeque<>();
        HeadlessChromium browser = new HeadlessChromium(process, profile, timeout, stderr);
        try {
            URI devToolsUrl = browser.readDevToolsUrl();
            browser.devTools = DevToolsConnection.open(devToolsUrl, timeout);
            return browser;
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /**
     * Reads standard error on a thread of its own until the browser ends (so the pipe never fills), and answers
     * the DevTools address once the browser has printed it.
     */
    private URI readDevToolsUrl() throws IOException {
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = DEVTOOLS_URL.matcher(line);
                    if (matcher.find()) {
                        url.complete(URI.create(matcher.group(1)));
                    }
                    keep(line);
                }
            } catch (IOException e) {
                // The browser is gone; the wait below reports it.
            } finally {
                url.completeExceptionally(new IOException("the browser ended before it offered DevTools"));
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no DevTools address from the browser within " + timeout + "; it wrote: "
                    + String.join("\n", recentStderr()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted starting the browser", e);
        }
    }

    private void keep(String line) {
        synchronized (stderr) {
            stderr.addLast(line);
            if (stderr.size() > STDERR_LINES_KEPT) {
                stderr.removeFirst();
            }
        }
    }

    /** The last lines the browser wrote to standard error, for failure messages. */
    public List<String> recentStderr() {
        synchronized (stderr) {
            return new ArrayList<>(stderr);
        }
    }

    /** The browser's process (its helpers are its descendants). */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** The throw-away profile directory. */
    public Path profile() {
        return profile;
    }

    /** Opens a tab with a viewport of this size, recording console errors from the start. */
    public BrowserPage newPage(int width, int height) throws IOException {
        String targetId = devTools.call("Target.createTarget", DevToolsConnection.params().put("url", "about:blank"),
                null).path("targetId").asText();
        String sessionId = devTools.call("Target.attachToTarget", DevToolsConnection.params()
                .put("targetId", targetId).put("flatten", true), null).path("sessionId").asText();
        BrowserPage page = new BrowserPage(devTools, sessionId);
        page.enable(width, height);
        return page;
    }

    /** Ends the browser and its helper processes, whatever state they are in, and deletes the profile. */
    @Override
    public void close() {
        List<ProcessHandle> helpers = process.descendants().toList();
        if (devTools != null) {
            try {
                devTools.call("Browser.close", DevToolsConnection.params(), null);
            } catch (IOException e) {
                // It may close the connection before it answers; the process is ended below in any case.
            }
            devTools.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting already: the hook ends the browser.
        }
        // Renderers and the zygote normally follow the browser; make sure of it, and wait until they are gone so
        // that nothing of the browser outlives close().
        helpers.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (!helpers.stream().allMatch(HeadlessChromium::exited) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(EXIT_POLL_NANOS);
        }
        deleteProfile();
    }

    /**
     * Whether a process has ended. A helper whose parent was the browser is reparented when the browser ends, and
     * until the new parent reaps it (some container inits take a second), it is a zombie: ended, but "alive" to
     * {@link ProcessHandle#isAlive()}. Linux tells them apart in {@code /proc/<pid>/stat}.
     */
    static boolean exited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // pid (command) state ...: the command may hold spaces and parentheses, so look after the last ')'.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return !process.isAlive();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }
}
