package io.natrium.domain.jwt;

/**
 * The one refusal of a JWT: malformed, badly signed, of the wrong kind, or not valid now. Its message is the text
 * nats-server's JWT library gives for the same case where one surfaces (in debug lines), so logs read alike.
 */
public final class JwtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JwtException(String message) {
        super(message, null, false, false);
    }
}
