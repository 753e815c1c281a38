package io.natrium.bootstrap;

import io.natrium.adapter.config.SignalCommand;
import io.natrium.adapter.config.SignalRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * {@code --signal <command>[=<pid|pidfile>]}: sends a running server the signal for a command, as nats-server's
 * {@code ProcessSignal} does (the command line has already turned the command into its signal). The target is the
 * given PID, the PID read from the given file, the PIDs starting with a prefix ending in {@code *}, or else the one
 * Natrium process running.
 */
final class SignalSender {

    /** Sends a signal to a process; returns an error text or null. */
    interface Kill {
        String send(long pid, String signal);
    }

    private final Supplier<List<Long>> runningServers;
    private final LongPredicate ownsSigusr2;
    private final Kill kill;

    /**
     * @param ownsSigusr2 whether a process is a JVM that suspends threads with SIGUSR2, where lame-duck mode takes
     *     SIGPWR instead ({@link Signals})
     */
    SignalSender(Supplier<List<Long>> runningServers, LongPredicate ownsSigusr2, Kill kill) {
        this.runningServers = runningServers;
        this.ownsSigusr2 = ownsSigusr2;
        this.kill = kill;
    }

    /** The sender for this machine: finds Natrium processes by their jar and signals them with {@code kill}. */
    static SignalSender forThisMachine() {
        return new SignalSender(SignalSender::natriumProcesses, SuspendSignal::ownsSigusr2, SignalSender::killCommand);
    }

    /**
     * Sends the signal; returns null on success or nats-server's error text (printed as
     * {@code nats-server: <text>} with exit code 1).
     */
    String send(SignalRequest request) {
        String pidExpression = request.pidExpression() == null ? "" : readPidFileIfAny(request.pidExpression()).trim();
        boolean glob = pidExpression.endsWith("*");
        String pidText = glob ? pidExpression.substring(0, pidExpression.length() - 1) : pidExpression;
        List<Long> pids = new ArrayList<>();
        if (!pidText.isEmpty()) {
            try {
                pids.add(Long.parseLong(pidText));
            } catch (NumberFormatException e) {
                return "invalid pid: " + pidText;
            }
        }
        if (pidText.isEmpty() || glob) {
            pids = runningServers.get();
        }
        if (pids.size() > 1 && !glob) {
            StringBuilder message = new StringBuilder("multiple nats-server processes running:");
            pids.forEach(pid -> message.append('\n').append(pid));
            return message.toString();
        }
        if (pids.isEmpty()) {
            return "no nats-server processes running";
        }
        StringBuilder errors = new StringBuilder();
        for (long pid : pids) {
            if (!pidText.isEmpty() && !Long.toString(pid).startsWith(pidText)) {
                continue;
            }
            String error = kill.send(pid, signalFor(request.command(), pid));
            if (error != null) {
                errors.append("\nsignal \"").append(request.command().command()).append("\" ").append(pid)
                        .append(": ").append(error);
            }
        }
        return errors.length() == 0 ? null : errors.toString();
    }

    private String signalFor(SignalCommand command, long pid) {
        if (command == SignalCommand.LDM && ownsSigusr2.test(pid)) {
            return Signals.LAME_DUCK_STAND_IN;
        }
        return command.signal().substring("SIG".length());
    }

    private static String readPidFileIfAny(String expression) {
        try {
            return Files.readString(Path.of(expression), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException notAFile) {
            return expression;
        }
    }

    private static List<Long> natriumProcesses() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().commandLine().map(line -> line.contains("natrium.jar")).orElse(false))
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
    }

    private static String killCommand(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return kill.waitFor() == 0 ? null : output.isEmpty() ? "kill failed" : output;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
