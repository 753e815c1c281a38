package io.natrium.adapter.tls;

import java.security.cert.CertificateException;

/** A client certificate chain that OCSP peer checks refused; its message is the one nats-server logs. */
final class OcspPeerRejection extends CertificateException {

    static final String CLIENT = "client not OCSP valid";
    private static final long serialVersionUID = 1L;

    OcspPeerRejection() {
        super(CLIENT);
    }
}
