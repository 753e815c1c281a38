package io.natrium.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HotSpot's thread suspend/resume signal on Linux, which is SIGUSR2, nats-server's lame-duck signal, unless the
 * environment variable {@code _JAVA_SR_SIGNUM} moves it. A SIGUSR2 from outside reaching a JVM that still suspends
 * with it crashes Java 17 in its own handler, so the server and {@code --signal ldm} both need to know.
 */
final class SuspendSignal {

    static final int SIGUSR2 = 12;
    static final String VARIABLE = "_JAVA_SR_SIGNUM";

    /** HotSpot takes only numbers above SIGSEGV (11) and SIGBUS (7) and below NSIG, 65 on Linux. */
    private static final int LOWEST = 12;
    private static final int NSIG = 65;

    private SuspendSignal() {
    }

    /** The signal this JVM suspends threads with. */
    static int ofThisJvm() {
        return of(System.getenv(VARIABLE));
    }

    /**
     * The signal a JVM started with this value of {@code _JAVA_SR_SIGNUM} suspends threads with (null when unset):
     * HotSpot reads it with C's {@code strtol}, narrows it to an int, and keeps SIGUSR2 when it is out of range.
     */
    static int of(String value) {
        if (value == null) {
            return SIGUSR2;
        }
        int signal = (int) strtol(value);
        return signal >= LOWEST && signal < NSIG ? signal : SIGUSR2;
    }

    /**
     * Whether process {@code pid} is a JVM that suspends threads with SIGUSR2, read from {@code /proc}; false when
     * it is no JVM or cannot be inspected (another user's process), since a SIGUSR2 is all that is left to send then.
     */
    static boolean ownsSigusr2(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            if (!Files.readString(process.resolve("maps"), StandardCharsets.ISO_8859_1).contains("/libjvm.so")) {
                return false;
            }
            String value = null;
            for (String entry : Files.readString(process.resolve("environ"), StandardCharsets.ISO_8859_1)
                    .split("\0")) {
                if (entry.startsWith(VARIABLE + "=")) {
                    value = entry.substring(VARIABLE.length() + 1);
                }
            }
            return of(value) == SIGUSR2;
        } catch (IOException | RuntimeException notInspectable) {
            return false;
        }
    }

    /** C's {@code strtol(text, NULL, 10)}: leading white space and a sign, digits up to the first other character. */
    private static long strtol(String text) {
        int i = 0;
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            int digit = text.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }
}
