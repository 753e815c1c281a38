package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.SignalCommand;
import io.natrium.adapter.config.SignalRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalSenderTest {

    private static SignalRequest request(SignalCommand command, String pid) {
        return new SignalRequest(command, pid);
    }

    @TempDir
    Path dir;

    private final List<String> sent = new ArrayList<>();
    private List<Long> running = List.of(1234L);
    private final Set<Long> jvmsSuspendingWithSigusr2 = new HashSet<>();

    private final SignalSender sender = new SignalSender(() -> running, jvmsSuspendingWithSigusr2::contains,
            (pid, signal) -> {
                sent.add(signal + " " + pid);
                return null;
            });

    @ParameterizedTest(name = "{0} -> SIG{1}")
    @CsvSource({"STOP,KILL", "QUIT,INT", "TERM,TERM", "REOPEN,USR1", "RELOAD,HUP", "LDM,USR2"})
    void sendsEachCommandsSignal(SignalCommand command, String signal) {
        assertThat(sender.send(new SignalRequest(command, "77"))).isNull();
        assertThat(sent).containsExactly(signal + " 77");
    }

    @Test
    void asksAJvmThatSuspendsThreadsWithSigusr2ForLameDuckModeWithSigpwr() {
        jvmsSuspendingWithSigusr2.add(77L);

        assertThat(sender.send(new SignalRequest(SignalCommand.LDM, "77"))).isNull();
        assertThat(sender.send(new SignalRequest(SignalCommand.LDM, "78"))).isNull();
        assertThat(sender.send(new SignalRequest(SignalCommand.RELOAD, "77"))).isNull();
        assertThat(sent).containsExactly("PWR 77", "USR2 78", "HUP 77");
    }

    @Test
    void readsThePidFromAPidFile() throws Exception {
        Path pidFile = dir.resolve("nats.pid");
        Files.writeString(pidFile, "4321");

        assertThat(sender.send(request(SignalCommand.RELOAD, pidFile.toString()))).isNull();
        assertThat(sent).containsExactly("HUP 4321");
    }

    @Test
    void findsTheOneRunningServerWhenNoPidIsGiven() {
        assertThat(sender.send(request(SignalCommand.LDM, null))).isNull();
        assertThat(sent).containsExactly("USR2 1234");
    }

    @Test
    void refusesToGuessBetweenSeveralServers() {
        running = List.of(11L, 22L);

        assertThat(sender.send(request(SignalCommand.TERM, null))).isEqualTo("multiple nats-server processes running:\n11\n22");
        assertThat(sent).isEmpty();
    }

    @Test
    void signalsEveryServerMatchingAGlob() {
        running = List.of(120L, 125L, 300L);

        assertThat(sender.send(request(SignalCommand.REOPEN, "12*"))).isNull();
        assertThat(sent).containsExactly("USR1 120", "USR1 125");
    }

    @Test
    void reportsAPidThatIsNotANumber() {
        assertThat(sender.send(request(SignalCommand.TERM, "abc"))).isEqualTo("invalid pid: abc");
        assertThat(sent).isEmpty();
    }

    @Test
    void saysWhenNoServerRuns() {
        running = List.of();

        assertThat(sender.send(request(SignalCommand.RELOAD, null))).isEqualTo("no nats-server processes running");
    }

    @Test
    void reportsAFailedKill() {
        SignalSender failing = new SignalSender(() -> running, pid -> false, (pid, signal) -> "No such process");

        assertThat(failing.send(request(SignalCommand.TERM, "99"))).isEqualTo("\nsignal \"term\" 99: No such process");
    }
}
