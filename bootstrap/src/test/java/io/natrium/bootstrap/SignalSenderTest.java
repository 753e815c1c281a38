package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalSenderTest {

    @TempDir
    Path dir;

    private final List<String> sent = new ArrayList<>();
    private List<Long> running = List.of(1234L);

    private final SignalSender sender = new SignalSender(() -> running, (pid, signal) -> {
        sent.add(signal + " " + pid);
        return null;
    });

    @ParameterizedTest(name = "{0} -> SIG{1}")
    @CsvSource({"stop,KILL", "quit,INT", "term,TERM", "reopen,USR1", "reload,HUP", "ldm,USR2"})
    void mapsEachCommandToNatsServersSignal(String command, String signal) {
        assertThat(sender.send(command + "=77")).isNull();
        assertThat(sent).containsExactly(signal + " 77");
    }

    @Test
    void readsThePidFromAPidFile() throws Exception {
        Path pidFile = dir.resolve("nats.pid");
        Files.writeString(pidFile, "4321");

        assertThat(sender.send("reload=" + pidFile)).isNull();
        assertThat(sent).containsExactly("HUP 4321");
    }

    @Test
    void findsTheOneRunningServerWhenNoPidIsGiven() {
        assertThat(sender.send("ldm")).isNull();
        assertThat(sent).containsExactly("USR2 1234");
    }

    @Test
    void refusesToGuessBetweenSeveralServers() {
        running = List.of(11L, 22L);

        assertThat(sender.send("term")).isEqualTo("multiple nats-server processes running:\n11\n22");
        assertThat(sent).isEmpty();
    }

    @Test
    void signalsEveryServerMatchingAGlob() {
        running = List.of(120L, 125L, 300L);

        assertThat(sender.send("reopen=12*")).isNull();
        assertThat(sent).containsExactly("USR1 120", "USR1 125");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bogus=1|unknown signal \"bogus\"",
            "term=abc|invalid pid: abc",
            "term=1=2|invalid signal parameters: [2]"})
    void reportsNatsServersErrors(String argument, String error) {
        assertThat(sender.send(argument)).isEqualTo(error);
        assertThat(sent).isEmpty();
    }

    @Test
    void saysWhenNoServerRuns() {
        running = List.of();

        assertThat(sender.send("reload")).isEqualTo("no nats-server processes running");
    }

    @Test
    void reportsAFailedKill() {
        SignalSender failing = new SignalSender(() -> running, (pid, signal) -> "No such process");

        assertThat(failing.send("term=99")).isEqualTo("\nsignal \"term\" 99: No such process");
    }
}
