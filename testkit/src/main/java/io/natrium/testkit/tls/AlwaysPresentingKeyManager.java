package io.natrium.testkit.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A client key manager that presents its one certificate to any server, whatever CAs the server asks for, as Go and
 * OpenSSL clients do: JSSE's own holds back a certificate of a CA the server did not name, so a server's refusal of
 * a foreign certificate could not be tested with it.
 */
public final class AlwaysPresentingKeyManager extends X509ExtendedKeyManager {

    private final IssuedCertificate certificate;

    public AlwaysPresentingKeyManager(IssuedCertificate certificate) {
        this.certificate = certificate;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return "client";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return "client";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {"client"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return new X509Certificate[] {certificate.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return certificate.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
