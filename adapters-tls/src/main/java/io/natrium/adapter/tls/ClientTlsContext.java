package io.natrium.adapter.tls;

import io.natrium.application.settings.TlsCertificateSettings;
import io.natrium.application.settings.TlsSettings;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK TLS context of a client block such as {@code resolver_tls}, as nats-server's {@code GenTLSConfig} makes a
 * client's: {@code ca_file} replaces the system's trusted authorities, {@code cert_file}/{@code key_file} are
 * presented when the server asks for a certificate; with neither, the JDK's defaults.
 */
public final class ClientTlsContext {

    private static final char[] NO_PASSWORD = new char[0];

    private ClientTlsContext() {
    }

    /** @throws TlsSetupException with nats-server's errors for unreadable or unusable files */
    public static SSLContext of(TlsSettings settings) throws TlsSetupException {
        TlsCertificateSettings files = settings.certificates();
        List<X509Certificate> authorities = ServerTlsFactory.authorities(files.caFile());
        boolean cert = files.certFile() != null && !files.certFile().isEmpty();
        CertifiedKey own = cert ? CertifiedKey.load(files.certFile(), files.keyFile()) : null;
        try {
            KeyManagerFactory keys = null;
            if (own != null) {
                KeyStore store = emptyStore();
                store.setKeyEntry("client", own.key(), NO_PASSWORD, own.chain().toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, NO_PASSWORD);
            }
            TrustManagerFactory trust = null;
            if (!authorities.isEmpty()) {
                KeyStore store = emptyStore();
                for (int i = 0; i < authorities.size(); i++) {
                    store.setCertificateEntry("ca-" + i, authorities.get(i));
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("error setting up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
