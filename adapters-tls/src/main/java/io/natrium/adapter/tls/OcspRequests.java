package io.natrium.adapter.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The OCSP request nats-server sends for its certificate (Go's {@code ocsp.CreateRequest} with its defaults): one
 * CertID hashed with SHA-1 (RFC 6960 4.1.1), no nonce, no signature, no version (v1 is the default).
 */
final class OcspRequests {

    /** id-sha1 with its NULL parameters. */
    private static final byte[] SHA1_ALGORITHM = Der.sequence(
            Der.encode(Der.OID, new byte[] {0x2b, 0x0e, 0x03, 0x02, 0x1a}), Der.encode(Der.NULL, new byte[0]));

    private OcspRequests() {
    }

    static byte[] create(X509Certificate leaf, X509Certificate issuer) {
        byte[] certId = certId(leaf, issuer);
        byte[] request = Der.sequence(certId);
        byte[] requestList = Der.sequence(request);
        byte[] tbsRequest = Der.sequence(requestList);
        return Der.sequence(tbsRequest);
    }

    /** CertID: the issuer's name and key hashed, and the certificate's serial number. */
    static byte[] certId(X509Certificate leaf, X509Certificate issuer) {
        byte[] nameHash = sha1(issuer.getSubjectX500Principal().getEncoded());
        byte[] keyHash = sha1(subjectPublicKey(issuer));
        return Der.sequence(SHA1_ALGORITHM, Der.encode(Der.OCTET_STRING, nameHash),
                Der.encode(Der.OCTET_STRING, keyHash),
                Der.encode(Der.INTEGER, leaf.getSerialNumber().toByteArray()));
    }

    /** The subjectPublicKey BIT STRING's bits, without its unused-bits octet. */
    private static byte[] subjectPublicKey(X509Certificate certificate) {
        List<Der.Element> info = Der.read(certificate.getPublicKey().getEncoded()).children();
        byte[] bits = info.get(1).content();
        byte[] key = new byte[bits.length - 1];
        System.arraycopy(bits, 1, key, 0, key.length);
        return key;
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
