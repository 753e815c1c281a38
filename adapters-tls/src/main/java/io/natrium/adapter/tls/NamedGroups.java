package io.natrium.adapter.tls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLParameters;

/**
 * {@code curve_preferences}: Go's curve names as JSSE named groups (and BoringSSL's, which take them per TLS
 * context). For JSSE, Java 20 and later take them per connection
 * ({@code SSLParameters.setNamedGroups}); Java 17 only reads the process-wide {@code jdk.tls.namedGroups} once, so
 * there they are set before the first handshake and a later change is refused (a restart applies it) rather than
 * silently ignored.
 */
final class NamedGroups {

    private static final String PROPERTY = "jdk.tls.namedGroups";
    private static final Map<String, String> JSSE_NAMES = Map.of("X25519", "x25519", "CurveP256", "secp256r1",
            "CurveP384", "secp384r1", "CurveP521", "secp521r1");
    /** BoringSSL's names of the same groups. */
    private static final Map<String, String> OPENSSL_NAMES = Map.of("x25519", "X25519", "secp256r1", "P-256",
            "secp384r1", "P-384", "secp521r1", "P-521");
    private static final MethodHandle SET_NAMED_GROUPS = setter();
    /** On Java 17: the groups the process settled on at its first TLS context ("" for the JDK's own). */
    private static String processWide;

    private NamedGroups() {
    }

    /**
     * The JSSE names of Go's curves; a curve this runtime cannot offer stops the configuration. {@code jsse}: the
     * groups are for JSSE engines (which on Java 17 take them process-wide), not BoringSSL's (which take them per
     * context).
     */
    static List<String> of(List<String> goNames, boolean jsse) throws TlsSetupException {
        List<String> groups = new ArrayList<>();
        for (String name : goNames) {
            String group = JSSE_NAMES.get(name);
            if (group == null) {
                throw new TlsSetupException("curve preference " + name + " is not supported by Natrium on this "
                        + "Java runtime");
            }
            groups.add(group);
        }
        if (jsse && SET_NAMED_GROUPS == null) {
            settleProcessWide(String.join(",", groups));
        }
        return groups;
    }

    /** The groups by BoringSSL's names, for its context. */
    static String[] openSslNames(List<String> groups) {
        return groups.stream().map(OPENSSL_NAMES::get).toArray(String[]::new);
    }

    /** Applies the groups to one connection's parameters, where the runtime allows it. */
    static void apply(SSLParameters parameters, List<String> groups) {
        if (groups.isEmpty() || SET_NAMED_GROUPS == null) {
            return;
        }
        try {
            SET_NAMED_GROUPS.invoke(parameters, (Object) groups.toArray(String[]::new));
        } catch (Throwable e) {
            throw new IllegalStateException("SSLParameters.setNamedGroups failed", e);
        }
    }

    private static synchronized void settleProcessWide(String groups) throws TlsSetupException {
        if (processWide == null) {
            processWide = groups;
            if (!groups.isEmpty()) {
                System.setProperty(PROPERTY, groups);
            }
        } else if (!processWide.equals(groups)) {
            throw new TlsSetupException("curve_preferences cannot change while running on Java "
                    + Runtime.version().feature() + "; restart the server to apply them");
        }
    }

    private static MethodHandle setter() {
        try {
            return MethodHandles.publicLookup().findVirtual(SSLParameters.class, "setNamedGroups",
                    MethodType.methodType(void.class, String[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
