package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Go's {@code *os.PathError} text ({@code open /x/nats.pid: no such file or directory}) for a file operation that
 * failed in Java, so that nats-server's messages about its files (log file, PID and ports files) read the same.
 */
public final class GoPathError {

    private GoPathError() {
    }

    public static String text(String operation, Path file, IOException failure) {
        return operation + " " + file + ": " + reason(failure);
    }

    static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            // The system's own words ("Is a directory", "Read-only file system"), which Go spells in lower case.
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(failure.getMessage());
    }
}
