package io.natrium.domain.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Deliberately bad: the domain reading a file for itself instead of being handed what it decides on. */
public class DomainReadingFiles {
    public String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
