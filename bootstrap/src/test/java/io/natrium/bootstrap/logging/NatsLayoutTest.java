package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nats-server's log line: pid, time (local, UTC or none) to the microsecond, level label, message. */
class NatsLayoutTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456789Z");

    @Test
    void writesUtcTimeToTheMicrosecond() {
        NatsLayout layout = new NatsLayout(42, true, true, false);

        assertThat(layout.format(LogLevel.INFO, AT, "Server is ready"))
                .isEqualTo("[42] 2026/01/02 03:04:05.123456 [INF] Server is ready\n");
    }

    @Test
    void writesLocalTimeByDefault() {
        NatsLayout layout = new NatsLayout(42, true, false, false);
        LocalDateTime local = LocalDateTime.ofInstant(AT, ZoneId.systemDefault());
        String expectedTime = "%04d/%02d/%02d %02d:%02d:%02d.%06d".formatted(local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(), local.getNano() / 1000);

        assertThat(layout.format(LogLevel.INFO, AT, "x")).isEqualTo("[42] " + expectedTime + " [INF] x\n");
    }

    @Test
    void leavesTheTimeOutWithoutLogtime() {
        NatsLayout layout = new NatsLayout(42, false, true, false);

        assertThat(layout.format(LogLevel.WARN, AT, "x")).isEqualTo("[42] [WRN] x\n");
    }

    @ParameterizedTest
    @CsvSource({"TRACE, TRC, 33", "DEBUG, DBG, 36", "INFO, INF, 32", "WARN, WRN, 0;93", "ERROR, ERR, 31"})
    void labelsEachLevelPlainOrInNatsServersColours(LogLevel level, String label, String colour) {
        assertThat(new NatsLayout(1, false, false, false).format(level, AT, "m")).isEqualTo("[1] [" + label + "] m\n");
        assertThat(new NatsLayout(1, false, false, true).format(level, AT, "m"))
                .isEqualTo("[1] [\u001b[" + colour + "m" + label + "\u001b[0m] m\n");
    }

    @Test
    void appendsAStackTraceAfterTheLine() {
        NatsLayout layout = new NatsLayout(42, false, false, false);
        LogEntry entry = new LogEntry(LogLevel.ERROR, AT, "failed", "java.io.IOException: x\n\tat a.B.c(B.java:1)\n");

        assertThat(layout.format(entry)).isEqualTo("[42] [ERR] failed\njava.io.IOException: x\n\tat a.B.c(B.java:1)\n");
    }
}
