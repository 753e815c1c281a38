package io.natrium.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The switch between skipping and failing: a missing or wrong nats-server skips a test, unless
 * {@code natrium.reference=required}, which fails it. The binary is pointed at through its property, so these
 * cases hold whatever is installed on the machine.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ExternalToolsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingBinaryFailsTheTestWhenTheReferenceIsRequired() {
        String bogus = dir.resolve("no-such-nats-server").toString();

        assertThatThrownBy(() -> with(ExternalTools.REQUIRED, bogus, ExternalTools::natsServer))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(bogus + " is no executable")
                .hasMessageContaining("-Dnatrium.reference=required");
    }

    @Test
    void aMissingBinarySkipsTheTestOtherwise() {
        String bogus = dir.resolve("no-such-nats-server").toString();

        assertThatThrownBy(() -> with(null, bogus, ExternalTools::natsServer))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(bogus);
        assertThatThrownBy(() -> with("", bogus, ExternalTools::natsServer))
                .as("the parent pom passes an empty value when the switch is not given")
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void anotherReleaseIsNoReference() throws IOException {
        String other = fakeNatsServer("nats-server: v2.10.0").toString();

        assertThatThrownBy(() -> with(ExternalTools.REQUIRED, other, ExternalTools::natsServer))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("\"nats-server: v2.10.0\", not the reference's \"nats-server: v2.9.10\"");
        assertThatThrownBy(() -> with(null, other, ExternalTools::natsServer))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("v2.10.0");
    }

    @Test
    void theReferenceReleaseIsUsedInEitherMode() throws IOException {
        Path reference = fakeNatsServer("nats-server: v" + ExternalTools.REFERENCE_VERSION);

        assertThat(with(ExternalTools.REQUIRED, reference.toString(), ExternalTools::natsServer)).isEqualTo(reference);
        assertThat(with(null, reference.toString(), ExternalTools::natsServer)).isEqualTo(reference);
    }

    @Test
    void aConditionThatHoldsLetsTheTestGoOn() {
        assertThat(with(ExternalTools.REQUIRED, null, () -> {
            ExternalTools.requireOrAssume(true, "never said");
            return "went on";
        })).isEqualTo("went on");
    }

    /** A script that answers {@code --version} as nats-server does. */
    private Path fakeNatsServer(String versionLine) throws IOException {
        Path script = dir.resolve("nats-server");
        Files.writeString(script, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** Runs {@code action} with the switch and the binary's property set, then puts both back as they were. */
    private static <T> T with(String mode, String natsServer, Supplier<T> action) {
        String savedMode = System.getProperty(ExternalTools.SWITCH);
        String savedBinary = System.getProperty(ExternalTools.NATS_SERVER_PROPERTY);
        set(ExternalTools.SWITCH, mode);
        set(ExternalTools.NATS_SERVER_PROPERTY, natsServer);
        try {
            return action.get();
        } finally {
            set(ExternalTools.SWITCH, savedMode);
            set(ExternalTools.NATS_SERVER_PROPERTY, savedBinary);
        }
    }

    private static void set(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
