package io.natrium.domain.auth;

/**
 * The account names nats-server gives a meaning to. {@code $G} is where users without an account land and may not be
 * declared; {@code $SYS} is the system account unless {@code system_account} names another, and may be declared to
 * give it users.
 */
public final class AccountNames {

    /** The global account. */
    public static final String GLOBAL = "$G";
    /** The default system account. */
    public static final String SYSTEM = "$SYS";

    private AccountNames() {
    }

    /** nats-server's {@code isReservedAccount}: true for the one name a configuration may not declare. */
    public static boolean isReserved(String name) {
        return GLOBAL.equals(name);
    }

    /** The configuration error for declaring a reserved account. */
    public static String reservedError(String name) {
        return "\"" + name + "\" is a Reserved Account";
    }
}
