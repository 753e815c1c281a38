package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Levels and outputs on a Logback context of the test's own: debug ({@code -D}) and trace ({@code -V}) are independent
 * as in nats-server, both change while the server runs, and switching the output loses no line.
 */
class LogControlTest {

    private final LoggerContext context = new LoggerContext();
    private final LogbackProtocolTracer tracer = new LogbackProtocolTracer();
    private final RecordingOutput first = new RecordingOutput();
    private final LogControl control = new LogControl(context, tracer, first);
    private final Logger server = context.getLogger("io.natrium.application.session.ClientConnection");

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void logsInfoAndAboveByDefault() {
        control.apply(Settings.defaults().build(), first, null);

        logOneOfEach();

        assertThat(first.lines()).containsExactly("INFO info", "WARN warn", "ERROR error");
        assertThat(tracer.enabled()).isFalse();
    }

    @Test
    void debugAddsDebugLinesButNoTraces() {
        control.apply(Settings.defaults().debug(true).build(), first, null);

        logOneOfEach();
        tracer.trace("client", "<<- [PING]");

        assertThat(first.lines()).containsExactly("DEBUG debug", "INFO info", "WARN warn", "ERROR error");
        assertThat(tracer.enabled()).isFalse();
    }

    @Test
    void traceAddsProtocolTracesButNoDebugLines() {
        control.apply(Settings.defaults().trace(true).build(), first, null);

        logOneOfEach();
        tracer.trace("127.0.0.1:5 - cid:1", "<<- [PING]");

        assertThat(tracer.enabled()).isTrue();
        assertThat(first.lines()).containsExactly("INFO info", "WARN warn", "ERROR error",
                "TRACE 127.0.0.1:5 - cid:1 - <<- [PING]");
    }

    @Test
    void debugAndTraceTogetherLogEverything() {
        control.apply(Settings.defaults().debug(true).trace(true).build(), first, null);

        logOneOfEach();
        tracer.trace("c", "->> [PONG]");

        assertThat(first.lines()).containsExactly("DEBUG debug", "INFO info", "WARN warn", "ERROR error",
                "TRACE c - ->> [PONG]");
    }

    @Test
    void levelsChangeWhileRunning() {
        control.apply(Settings.defaults().debug(true).trace(true).build(), first, null);
        server.debug("one");
        tracer.trace("c", "one");

        control.apply(Settings.defaults().build(), first, null);
        server.debug("two");
        tracer.trace("c", "two");

        control.apply(Settings.defaults().debug(true).build(), first, null);
        server.debug("three");

        assertThat(first.lines()).containsExactly("DEBUG one", "TRACE c - one", "DEBUG three");
    }

    @Test
    void theTracerFollowsTheTraceOptions() {
        control.apply(Settings.defaults().trace(true).traceHeaders(true).maxTracedMsgLen(64).build(), first, null);

        assertThat(tracer.headersOnly()).isTrue();
        assertThat(tracer.maxPayloadLength()).isEqualTo(64);

        control.apply(Settings.defaults().build(), first, null);

        assertThat(tracer.enabled()).isFalse();
        assertThat(tracer.headersOnly()).isFalse();
        assertThat(tracer.maxPayloadLength()).isZero();
    }

    @Test
    void librariesStayQuietWithDebugOn() {
        control.apply(Settings.defaults().debug(true).trace(true).build(), first, null);

        context.getLogger("io.netty.channel.nio.NioEventLoop").debug("netty detail");
        context.getLogger("com.google.inject.internal.Foo").info("guice detail");

        assertThat(first.lines()).isEmpty();
    }

    @Test
    void aRootLevelGivenOverridesTheSettings() {
        control.apply(Settings.defaults().debug(true).build(), first, Level.WARN);

        logOneOfEach();

        assertThat(first.lines()).containsExactly("WARN warn", "ERROR error");
    }

    @Test
    void switchingTheOutputClosesTheOldOne() {
        RecordingOutput second = new RecordingOutput();
        server.info("before");

        control.apply(Settings.defaults().build(), second, null);
        server.info("after");

        assertThat(first.lines()).containsExactly("INFO before");
        assertThat(first.closed()).isTrue();
        assertThat(second.lines()).containsExactly("INFO after");
    }

    @Test
    void switchingOutputsWhileAnotherThreadLogsLosesNoLine() throws InterruptedException {
        int lines = 20_000;
        CountDownLatch started = new CountDownLatch(1);
        Thread logger = new Thread(() -> {
            started.countDown();
            for (int i = 0; i < lines; i++) {
                server.info("line {}", i);
            }
        }, "logging-while-switching");
        List<RecordingOutput> outputs = new ArrayList<>(List.of(first));
        logger.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (logger.isAlive() && System.nanoTime() < deadline) {
            RecordingOutput next = new RecordingOutput();
            outputs.add(next);
            control.apply(Settings.defaults().build(), next, null);
        }
        logger.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(logger.isAlive()).as("the logging thread finished").isFalse();
        List<String> written = outputs.stream().flatMap(output -> output.lines().stream()).toList();
        assertThat(written).hasSize(lines).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.range(0, lines).mapToObj(i -> "INFO line " + i).toList());
        assertThat(outputs.stream().filter(output -> !output.lines().isEmpty()).count())
                .as("outputs that received lines").isGreaterThan(1);
    }

    @Test
    void reopenSaysWhetherThereWasAFileToReopen() {
        control.reopen();
        RecordingOutput file = new RecordingOutput(true);
        control.apply(Settings.defaults().build(), file, null);

        control.reopen();

        assertThat(first.lines()).containsExactly("INFO File log re-open ignored, not a file logger");
        assertThat(file.reopened()).isEqualTo(1);
        assertThat(file.lines()).containsExactly("INFO File log re-opened");
    }

    private void logOneOfEach() {
        server.trace("trace");
        server.debug("debug");
        server.info("info");
        server.warn("warn");
        server.error("error");
    }
}
