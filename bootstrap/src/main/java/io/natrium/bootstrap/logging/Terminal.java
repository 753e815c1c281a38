package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal. nats-server colours its level labels only when standard error is a
 * character device; Java cannot ask that of a file descriptor, so on Linux the answer comes from where
 * {@code /proc/self/fd/2} points (a device under {@code /dev}, such as {@code /dev/pts/0}). Elsewhere the answer is
 * no, and lines stay plain.
 */
final class Terminal {

    private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    static boolean isStandardError() {
        return isCharacterDevice(STANDARD_ERROR);
    }

    /** True when {@code descriptor} is a link to a device file under {@code /dev} (not a pipe, socket or file). */
    static boolean isCharacterDevice(Path descriptor) {
        try {
            if (!Files.isSymbolicLink(descriptor)) {
                return false;
            }
            Path target = Files.readSymbolicLink(descriptor);
            return target.startsWith("/dev/") && Files.exists(target) && !Files.isRegularFile(target)
                    && !Files.isDirectory(target);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }
}
