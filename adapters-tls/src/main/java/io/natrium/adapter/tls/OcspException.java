package io.natrium.adapter.tls;

/** No usable OCSP response: the responders failed, or what they sent cannot be trusted; worded as nats-server's. */
public final class OcspException extends Exception {

    private static final long serialVersionUID = 1L;

    public OcspException(String message) {
        super(message);
    }

    public OcspException(String message, Throwable cause) {
        super(message, cause);
    }
}
