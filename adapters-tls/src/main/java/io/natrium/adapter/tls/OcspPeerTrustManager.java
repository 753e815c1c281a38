package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspPeerSettings;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client certificate checked as {@code verify} asks (against {@code ca_file}, else the system's authorities),
 * then, once trusted, by {@link OcspPeerVerifier} as nats-server's {@code VerifyConnection} hook does with
 * {@code ocsp_peer}: a chain that is not OCSP valid fails the handshake with {@code client not OCSP valid}.
 */
final class OcspPeerTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager trust;
    private final OcspPeerVerifier verifier;
    private final OcspPeerSettings settings;

    private OcspPeerTrustManager(X509ExtendedTrustManager trust, OcspPeerVerifier verifier,
            OcspPeerSettings settings) {
        this.trust = trust;
        this.verifier = verifier;
        this.settings = settings;
    }

    /** @param authorities {@code ca_file}'s certificates, or empty for the system's */
    static OcspPeerTrustManager of(List<X509Certificate> authorities, OcspPeerVerifier verifier,
            OcspPeerSettings settings) throws GeneralSecurityException {
        KeyStore store = null;
        if (!authorities.isEmpty()) {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca" + i, authorities.get(i));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return new OcspPeerTrustManager(extended, verifier, settings);
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust.checkClientTrusted(chain, authType, engine);
        ocsp(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trust.checkClientTrusted(chain, authType, socket);
        ocsp(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
        ocsp(chain);
    }

    private void ocsp(X509Certificate[] chain) throws OcspPeerRejection {
        verifier.check(VerifiedChain.of(chain, trust.getAcceptedIssuers()), settings);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trust.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
