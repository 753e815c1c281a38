package io.natrium.adapter.tls;

import java.time.Instant;

/**
 * A checked OCSP response for one certificate, with the bytes to staple.
 *
 * @param raw        the DER response as the responder sent it
 * @param status     the certificate's status
 * @param thisUpdate when the status was known to be correct
 * @param nextUpdate when newer information will be available; null when the responder does not say
 */
public record OcspResponse(byte[] raw, Status status, Instant thisUpdate, Instant nextUpdate) {

    /** The certificate's status, named as nats-server logs it. */
    public enum Status {
        GOOD("good"), REVOKED("revoked"), UNKNOWN("unknown");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
