package io.natrium.adapter.tls;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate chain and its private key, loaded as Go's {@code tls.LoadX509KeyPair} loads them, with its errors.
 *
 * @param chain the server's certificate first, then what the file has after it
 * @param key   its private key
 */
record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {

    CertifiedKey {
        chain = List.copyOf(chain);
    }

    /** @throws TlsSetupException with nats-server's {@code error parsing X509 certificate/key pair: ...} */
    static CertifiedKey load(String certFile, String keyFile) throws TlsSetupException {
        try {
            String certificates = GoFiles.read(certFile);
            String key = GoFiles.read(keyFile);
            List<X509Certificate> chain = certificates(certificates);
            PrivateKey privateKey = PrivateKeys.fromPem(key);
            PrivateKeys.checkMatches(privateKey, chain.get(0).getPublicKey());
            return new CertifiedKey(chain, privateKey);
        } catch (TlsSetupException e) {
            throw new TlsSetupException("error parsing X509 certificate/key pair: " + e.getMessage(), e);
        }
    }

    /** The CERTIFICATE blocks of a file, as {@code ca_file} reads them; empty when there are none. */
    static List<X509Certificate> parseAll(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemBlock block : PemBlock.parse(text)) {
            if (block.type().equals("CERTIFICATE")) {
                try {
                    certificates.add(parse(block.bytes()));
                } catch (CertificateException e) {
                    // Go's AppendCertsFromPEM skips what does not parse.
                }
            }
        }
        return certificates;
    }

    private static List<X509Certificate> certificates(String text) throws TlsSetupException {
        List<PemBlock> blocks = PemBlock.parse(text);
        if (blocks.isEmpty()) {
            throw new TlsSetupException("tls: failed to find any PEM data in certificate input");
        }
        List<X509Certificate> chain = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PemBlock block : blocks) {
            if (!block.type().equals("CERTIFICATE")) {
                skipped.add(block.type());
                continue;
            }
            try {
                chain.add(parse(block.bytes()));
            } catch (CertificateException e) {
                throw new TlsSetupException("x509: malformed certificate", e);
            }
        }
        if (chain.isEmpty()) {
            if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
                throw new TlsSetupException("tls: failed to find certificate PEM data in certificate input, but did "
                        + "find a private key; PEM inputs may have been switched");
            }
            throw new TlsSetupException("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after "
                    + "skipping PEM blocks of the following types: [" + String.join(" ", skipped) + "]");
        }
        return chain;
    }

    private static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
