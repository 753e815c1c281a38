package io.natrium.adapter.config.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Finds and reads included files, and refuses an include that would loop back to a file still being read, nest
 * deeper than {@value #MAX_NESTING}, or exceed {@value #MAX_FILES} files in one parse (a file including another twice,
 * which includes another twice, and so on, would otherwise grow exponentially).
 */
final class Includes {

    static final int MAX_NESTING = 32;
    static final int MAX_FILES = 1_000;
    static final int MAX_BYTES = 64 << 20;

    /** Why an include could not be read; the message follows nats-server's ({@code open x: no such file...}). */
    static final class IncludeException extends Exception {
        private static final long serialVersionUID = 1L;

        IncludeException(String message) {
            super(message);
        }
    }

    private record Reading(Path identity, String name) {
    }

    private final Deque<Reading> chain = new ArrayDeque<>();
    private int files;

    /** Reads the top-level file and starts the chain with it; {@link #close()} when done. */
    Document openTop(Path file) throws IncludeException {
        Path directory = file.getParent() == null ? Path.of(".") : file.getParent();
        return open(file, file.toString(), directory);
    }

    /**
     * Reads the file an {@code include} in {@code from} names, relative to {@code from}'s directory, and pushes it
     * on the chain; {@link #close()} when done. The path is joined the way Go's {@code filepath.Join} does, so an
     * absolute path is still taken relative to the including file's directory, as nats-server does.
     */
    Document openIncluded(Document from, String path) throws IncludeException {
        Path file;
        try {
            file = Path.of(from.directory().toString(), path).normalize();
        } catch (InvalidPathException e) {
            // A NUL character, say; Go's open fails the same way.
            throw new IncludeException("open " + from.directory() + "/" + path + ": invalid argument");
        }
        for (Reading reading : chain) {
            if (reading.identity().equals(identity(file))) {
                throw new IncludeException("include cycle: " + cycle(file));
            }
        }
        if (chain.size() > MAX_NESTING) {
            throw new IncludeException("includes nest more than " + MAX_NESTING + " deep");
        }
        if (files >= MAX_FILES) {
            throw new IncludeException("more than " + MAX_FILES + " files included");
        }
        Path directory = file.getParent() == null ? Path.of(".") : file.getParent();
        return open(file, file.toString(), directory);
    }

    /** Ends the file last opened. */
    void close() {
        chain.pop();
    }

    private Document open(Path file, String name, Path directory) throws IncludeException {
        String text = read(file);
        files++;
        chain.push(new Reading(identity(file), name));
        return new Document(text, name, directory);
    }

    private static Path identity(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private String cycle(Path file) {
        StringBuilder names = new StringBuilder();
        for (Iterator<Reading> outermostFirst = chain.descendingIterator(); outermostFirst.hasNext(); ) {
            names.append(outermostFirst.next().name()).append(" -> ");
        }
        return names.append(file).toString();
    }

    /**
     * The content of a file as UTF-8 (a malformed byte becomes U+FFFD), or nats-server's error for it. Reading stops
     * past {@value #MAX_BYTES} bytes, so that naming a device such as {@code /dev/zero} is an error, not a hang.
     */
    static String read(Path file) throws IncludeException {
        if (Files.isDirectory(file)) {
            throw new IncludeException("read " + file + ": is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IncludeException("read " + file + ": larger than " + MAX_BYTES + " bytes");
            }
            return new String(content, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IncludeException("open " + file + ": no such file or directory");
        } catch (AccessDeniedException e) {
            throw new IncludeException("open " + file + ": permission denied");
        } catch (IOException | SecurityException e) {
            throw new IncludeException("open " + file + ": " + e.getMessage());
        }
    }
}
