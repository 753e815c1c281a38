package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling a terminal (a device under /dev) from a file, pipe or socket, as nats-server does before colouring. */
class TerminalTest {

    @TempDir
    Path directory;

    @Test
    void aDescriptorOnADeviceIsATerminal() throws Exception {
        Path device = Path.of("/dev/null");
        assumeThat(Files.exists(device)).as("a /dev/null to link to").isTrue();

        Path link = Files.createSymbolicLink(directory.resolve("fd"), device);

        assertThat(Terminal.isCharacterDevice(link)).isTrue();
        Files.delete(link);
    }

    @Test
    void aDescriptorOnAFileIsNot() throws Exception {
        Path file = Files.writeString(directory.resolve("out.log"), "");

        assertThat(Terminal.isCharacterDevice(Files.createSymbolicLink(directory.resolve("fd"), file))).isFalse();
        assertThat(Terminal.isCharacterDevice(file)).isFalse();
    }

    @Test
    void aDescriptorOnAPipeIsNot() throws Exception {
        assertThat(Terminal.isCharacterDevice(Files.createSymbolicLink(directory.resolve("fd"),
                Path.of("pipe:[12345]")))).isFalse();
        assertThat(Terminal.isCharacterDevice(directory.resolve("missing"))).isFalse();
    }
}
