package io.natrium.bootstrap.config;

import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Helpers for ITs that run the real launcher with a configuration file and signal it. */
final class LaunchedServer {

    static final Duration START = Duration.ofSeconds(60);

    private LaunchedServer() {
    }

    static ServerProcess start(Path config, String... extraArguments) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-c", config.toString()));
        arguments.addAll(List.of(extraArguments));
        return ServerProcess.start(ServerProcess.natriumLauncher(), arguments, START);
    }

    /** Runs the launcher with these arguments to completion; returns exit code and output. */
    static Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServerProcess.natriumLauncher().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return new Run(process.exitValue(), output);
    }

    record Run(int exitCode, String output) {
    }

    /** Waits until the server's log contains {@code text}; returns whether it did within the wait. */
    static boolean awaitLog(ServerProcess server, String text) throws IOException, InterruptedException {
        return server.awaitLog(text, Duration.ofSeconds(10)).contains(text);
    }

    static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.getAsBoolean();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
