package io.natrium.adapter.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file named in the configuration, failing with Go's {@code os.ReadFile} error text. */
final class GoFiles {

    private GoFiles() {
    }

    static String read(String file) throws TlsSetupException {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new TlsSetupException("read " + file + ": is a directory");
        }
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("open " + file + ": no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new TlsSetupException("open " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new TlsSetupException("open " + file + ": " + e.getMessage(), e);
        }
    }
}
