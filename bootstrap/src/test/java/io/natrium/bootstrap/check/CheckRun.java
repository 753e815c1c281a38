package io.natrium.bootstrap.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** One run of the checker over a configuration written to a file, with what it printed and its exit status. */
record CheckRun(int exitCode, String out, String err) {

    /** Writes {@code config} to {@code directory}/natrium.conf and runs {@code check -c that-file args...}. */
    static CheckRun of(Path directory, String config, String... args) {
        Path file = write(directory, config);
        List<String> all = new ArrayList<>(List.of("-c", file.toString()));
        all.addAll(List.of(args));
        return capture((out, err) -> new CheckCommand(out, err).run(all));
    }

    /** Runs anything that prints to the two streams and returns an exit status. */
    static CheckRun capture(BiFunction<PrintStream, PrintStream, Integer> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = command.apply(outStream, errStream);
        }
        return new CheckRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path write(Path directory, String config) {
        Path file = directory.resolve("natrium.conf");
        try {
            Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The printed lines, without the line separators. */
    List<String> lines() {
        return out.lines().toList();
    }
}
