package io.natrium.application.port.out;

/**
 * The server's curve key (an nkeys xkey) and the sealed boxes of nkeys' {@code Seal}/{@code Open}
 * ({@code xkv1}: curve25519, XSalsa20-Poly1305, a random nonce), which encrypt auth callout requests and responses
 * when the callout has an {@code xkey}. Thread-safe.
 */
public interface CurveSealing {

    /** The server's public xkey ({@code X...}). */
    String publicKey();

    /** {@code message} sealed for the holder of the public xkey {@code recipient}. */
    byte[] seal(byte[] message, String recipient);

    /**
     * What {@code sender} sealed for this server.
     *
     * @throws IllegalArgumentException with nkeys' text when it is not such a box (wrong version, short, forged)
     */
    byte[] open(byte[] sealed, String sender);
}
