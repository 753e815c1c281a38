package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process-wide entry points bootstrap uses: apply, reopen, reset and the protocol tracer. */
class LoggingTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);
    private static final String PREFIX = "[" + ProcessHandle.current().pid() + "] ";

    @TempDir
    Path directory;

    @AfterEach
    void backToTheDefaults() {
        Logging.reset();
    }

    @Test
    void applySendsWhatIsLoggedToTheConfiguredFile() throws IOException {
        Path file = directory.resolve("nats.log");

        Logging.apply(Settings.defaults().logFile(file).logTime(false, false).debug(true).build());
        LOG.debug("a debug line");
        LOG.info("an info line");

        assertThat(Files.readAllLines(file)).containsExactly(PREFIX + "[DBG] a debug line", PREFIX + "[INF] an info line");
    }

    @Test
    void anErrorMarkedFatalIsWrittenAtNatsServersFatalLevel() throws IOException {
        Path file = directory.resolve("nats.log");

        Logging.apply(Settings.defaults().logFile(file).logTime(false, false).build());
        LOG.error(FatalLog.MARKER, "Error listening on port: x");
        LOG.error("an error line");

        assertThat(Files.readAllLines(file)).containsExactly(PREFIX + "[FTL] Error listening on port: x",
                PREFIX + "[ERR] an error line");
    }

    @Test
    void reopenCreatesAMovedFileAgain() throws IOException {
        Path file = directory.resolve("nats.log");
        Logging.apply(Settings.defaults().logFile(file).logTime(false, false).build());
        LOG.info("before");
        Path moved = Files.move(file, directory.resolve("nats.log.1"));

        Logging.reopen();
        LOG.info("after");

        assertThat(Files.readAllLines(moved)).containsExactly(PREFIX + "[INF] before");
        assertThat(Files.readAllLines(file)).containsExactly(PREFIX + "[INF] File log re-opened", PREFIX + "[INF] after");
    }

    @Test
    void aFileThatCannotBeOpenedLeavesTheCurrentOneInUse() throws IOException {
        Path file = directory.resolve("nats.log");
        Logging.apply(Settings.defaults().logFile(file).logTime(false, false).build());

        assertThatThrownBy(() -> Logging.apply(Settings.defaults().logFile(directory.resolve("no/dir/x.log")).build()))
                .isInstanceOf(LoggingException.class).hasMessageStartingWith("error opening file: ");
        LOG.info("still here");

        assertThat(Files.readAllLines(file)).containsExactly(PREFIX + "[INF] still here");
    }

    @Test
    void theProtocolTracerFollowsTheAppliedSettings() throws IOException {
        Path file = directory.resolve("nats.log");

        Logging.apply(Settings.defaults().logFile(file).logTime(false, false).trace(true).maxTracedMsgLen(10)
                .build());
        Logging.protocolTracer().trace("127.0.0.1:4222 - cid:1", "<<- [PING]");

        assertThat(Logging.protocolTracer().enabled()).isTrue();
        assertThat(Logging.protocolTracer().maxPayloadLength()).isEqualTo(10);
        assertThat(Files.readAllLines(file)).containsExactly(PREFIX + "[TRC] 127.0.0.1:4222 - cid:1 - <<- [PING]");

        Logging.reset();

        assertThat(Logging.protocolTracer().enabled()).isFalse();
    }
}
