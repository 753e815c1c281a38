package io.natrium.adapter.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's certificates ({@code cert_file}, or the {@code certs} list), chosen per handshake as Go chooses among
 * {@code tls.Config.Certificates}: the first one whose names cover the server name the client asked for (SNI) and
 * whose key the client can use; without a match, the first one. Aliases are the certificates' positions.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private static final int DNS_NAME = 2;

    private final List<CertifiedKey> certificates;
    private final List<List<String>> dnsNames = new ArrayList<>();

    SniKeyManager(List<CertifiedKey> certificates) {
        this.certificates = List.copyOf(certificates);
        for (CertifiedKey certificate : this.certificates) {
            dnsNames.add(dnsNames(certificate.chain().get(0)));
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, serverName(engine.getHandshakeSession()));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, null);
    }

    /**
     * JSSE asks once per key type the client accepts. When some certificate names the requested host, only those
     * are offered (a type none of them has gets null, so JSSE asks for the next type); otherwise the first
     * certificate of the type, as Go falls back to its first.
     */
    String choose(String keyType, String serverName) {
        boolean anyNamed = false;
        if (serverName != null) {
            for (List<String> names : dnsNames) {
                anyNamed |= covers(names, serverName);
            }
        }
        for (int i = 0; i < certificates.size(); i++) {
            if (usableAs(certificates.get(i), keyType)
                    && (!anyNamed || covers(dnsNames.get(i), serverName))) {
                return Integer.toString(i);
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey certificate = byAlias(alias);
        return certificate == null ? null : certificate.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey certificate = byAlias(alias);
        return certificate == null ? null : certificate.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            if (usableAs(certificates.get(i), keyType)) {
                aliases.add(Integer.toString(i));
            }
        }
        return aliases.isEmpty() ? null : aliases.toArray(String[]::new);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    private CertifiedKey byAlias(String alias) {
        try {
            int index = Integer.parseInt(alias);
            return index >= 0 && index < certificates.size() ? certificates.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** JSSE's key types: RSA, RSASSA-PSS (an RSA key signing with PSS), EC, EdDSA. */
    private static boolean usableAs(CertifiedKey certificate, String keyType) {
        String algorithm = certificate.key().getAlgorithm();
        return switch (keyType) {
            case "RSA", "RSASSA-PSS" -> algorithm.equals("RSA");
            case "EC" -> algorithm.equals("EC");
            case "EdDSA", "Ed25519" -> algorithm.equals("EdDSA") || algorithm.equals("Ed25519");
            default -> false;
        };
    }

    private static String serverName(SSLSession handshake) {
        if (!(handshake instanceof ExtendedSSLSession extended)) {
            return null;
        }
        for (SNIServerName name : extended.getRequestedServerNames()) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME && name instanceof SNIHostName host) {
                return host.getAsciiName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Go's {@code VerifyHostname} for DNS names: exact, or one leftmost label under a {@code *.} wildcard. */
    static boolean covers(List<String> names, String host) {
        for (String name : names) {
            if (name.equals(host)) {
                return true;
            }
            if (name.startsWith("*.")) {
                int dot = host.indexOf('.');
                if (dot > 0 && host.substring(dot).equals(name.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (alternative.get(0) instanceof Integer type && type == DNS_NAME) {
                        names.add(String.valueOf(alternative.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A certificate whose names cannot be read names nothing; it is still the fallback.
        }
        return names;
    }
}
