package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuspendSignalTest {

    @ParameterizedTest(name = "_JAVA_SR_SIGNUM=''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "40|40", "12|12", "64|64", "' 40'|40", "+40|40", "40abc|40",
        // out of HotSpot's range, or no number at all: it keeps SIGUSR2
        "11|12", "65|12", "-40|12", "abc|12", "''|12", "99999999999999999999|12",
        // C's strtol gives a long that HotSpot narrows to an int
        "4294967336|40"})
    void readsTheVariableAsHotSpotDoes(String value, int signal) {
        assertThat(SuspendSignal.of(value)).isEqualTo(signal);
    }

    @Test
    void anUnsetVariableLeavesSigusr2() {
        assertThat(SuspendSignal.of(null)).isEqualTo(SuspendSignal.SIGUSR2);
    }

    @Test
    void aProcessThatIsNoJvmDoesNotOwnSigusr2() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(SuspendSignal.ownsSigusr2(sleep.pid())).isFalse();
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneDoesNotOwnSigusr2() {
        assertThat(SuspendSignal.ownsSigusr2(1L << 40)).isFalse();
    }

    @Test
    void thisJvmIsInspectedThroughProc() {
        boolean expected = SuspendSignal.ofThisJvm() == SuspendSignal.SIGUSR2;

        assertThat(SuspendSignal.ownsSigusr2(ProcessHandle.current().pid())).isEqualTo(expected);
    }
}
