package io.natrium.application.port.in;

/**
 * The fields of a CONNECT operation. A null field was absent (or JSON null): it leaves the connection's current
 * value as it is, because nats-server decodes CONNECT onto the options it already has. {@code proxySig} is a trusted
 * proxy's signature of the nonce, vouching for the client it relays.
 */
public record ConnectRequest(
        Boolean verbose,
        Boolean pedantic,
        Boolean tlsRequired,
        String authToken,
        String user,
        String pass,
        String name,
        String lang,
        String version,
        Integer protocol,
        Boolean echo,
        Boolean headers,
        Boolean noResponders,
        String nkey,
        String jwt,
        String sig,
        String account,
        Boolean newAccount,
        String proxySig) {

    /** A CONNECT that no proxy signed. */
    public ConnectRequest(Boolean verbose, Boolean pedantic, Boolean tlsRequired, String authToken, String user,
            String pass, String name, String lang, String version, Integer protocol, Boolean echo, Boolean headers,
            Boolean noResponders, String nkey, String jwt, String sig, String account, Boolean newAccount) {
        this(verbose, pedantic, tlsRequired, authToken, user, pass, name, lang, version, protocol, echo, headers,
                noResponders, nkey, jwt, sig, account, newAccount, null);
    }

    /** A CONNECT with no fields at all ({@code CONNECT {}}). */
    public static ConnectRequest empty() {
        return new ConnectRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    @Override
    public String toString() {
        // Credentials never reach a log through this record.
        return "ConnectRequest[verbose=" + verbose + ", pedantic=" + pedantic + ", name=" + name + ", lang=" + lang
                + ", version=" + version + ", protocol=" + protocol + ", echo=" + echo + ", headers=" + headers
                + ", noResponders=" + noResponders + "]";
    }
}
