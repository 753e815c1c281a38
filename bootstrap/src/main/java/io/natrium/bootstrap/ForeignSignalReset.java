package io.natrium.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Gives an ignored signal back its default disposition by calling the C library's {@code signal(sig, SIG_DFL)},
 * through the foreign function API of Java 22 and newer. HotSpot refuses a handler for SIGHUP, SIGINT and SIGTERM
 * when the process inherited them ignored; nats-server (Go's {@code signal.Notify}) takes them anyway, so the server
 * resets them first. Natrium is compiled for Java 17, hence the reflection; on older runtimes {@link #reset} says no.
 *
 * <p>The runnable jar's manifest carries {@code Enable-Native-Access: ALL-UNNAMED}, without which Java prints a
 * warning about restricted methods on standard error.
 */
final class ForeignSignalReset {

    private static final int FIRST_RUNTIME = 22;
    private static final long SIG_DFL = 0;
    private static final long SIG_ERR = -1;

    private ForeignSignalReset() {
    }

    /** Resets {@code signal} to its default disposition; false when this runtime or the C library cannot. */
    static boolean reset(int signal) {
        if (Runtime.version().feature() < FIRST_RUNTIME) {
            return false;
        }
        try {
            return (long) signalFunction().invokeWithArguments(signal, SIG_DFL) != SIG_ERR;
        } catch (Throwable unavailable) {
            return false;
        }
    }

    /** {@code sighandler_t signal(int, sighandler_t)}, the handler as a 64-bit value, as the LP64 ABI passes it. */
    private static MethodHandle signalFunction() throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");

        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Object symbol = ((Optional<?>) Class.forName("java.lang.foreign.SymbolLookup").getMethod("find", String.class)
                .invoke(lookup, "signal")).orElseThrow(() -> new ReflectiveOperationException("no signal()"));
        Object intLayout = valueLayout.getField("JAVA_INT").get(null);
        Object longLayout = valueLayout.getField("JAVA_LONG").get(null);
        Object parameters = Array.newInstance(layoutType, 2);
        Array.set(parameters, 0, intLayout);
        Array.set(parameters, 1, longLayout);
        Object descriptor = descriptorType.getMethod("of", layoutType, parameters.getClass())
                .invoke(null, longLayout, parameters);
        Object noOptions = Array.newInstance(optionType, 0);
        return (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType, noOptions.getClass())
                .invoke(linker, symbol, descriptor, noOptions);
    }
}
