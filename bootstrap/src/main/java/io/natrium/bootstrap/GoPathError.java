package io.natrium.bootstrap;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Go's {@code *os.PathError} text ({@code open /x/nats.pid: no such file or directory}) for a file operation that
 * failed in Java, so that nats-server's messages about its files read the same.
 */
final class GoPathError {

    private GoPathError() {
    }

    static String text(String operation, Path file, IOException failure) {
        return operation + " " + file + ": " + reason(failure);
    }

    private static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            // The system's own words ("Is a directory", "Read-only file system"), which Go spells in lower case.
            String reason = fileSystem.getReason();
            return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return String.valueOf(failure.getMessage());
    }
}
