package io.natrium.adapter.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * Private keys as Go's {@code tls.X509KeyPair} reads them: the first PEM block whose type ends in
 * {@code PRIVATE KEY}, parsed as PKCS#1 RSA, then PKCS#8 (RSA, ECDSA, Ed25519), then SEC 1 EC. The JDK only reads
 * PKCS#8, so the other two are rewrapped as PKCS#8 first. Errors are Go's.
 */
final class PrivateKeys {

    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
        0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2b, 0x65, 0x70};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final byte[] DER_NULL = {0x05, 0x00};
    private static final int CONTEXT_0 = 0xa0;

    private PrivateKeys() {
    }

    /** The key of a key file's text, or Go's error for why there is none. */
    static PrivateKey fromPem(String text) throws TlsSetupException {
        List<PemBlock> blocks = PemBlock.parse(text);
        if (blocks.isEmpty()) {
            throw new TlsSetupException("tls: failed to find any PEM data in key input");
        }
        List<String> skipped = new java.util.ArrayList<>();
        for (PemBlock block : blocks) {
            if (block.type().equals("PRIVATE KEY") || block.type().endsWith(" PRIVATE KEY")) {
                PrivateKey key = parse(block.bytes());
                if (key == null) {
                    throw new TlsSetupException("tls: failed to parse private key");
                }
                return key;
            }
            skipped.add(block.type());
        }
        if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
            throw new TlsSetupException("tls: found a certificate rather than a key in the PEM for the private key");
        }
        throw new TlsSetupException("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input "
                + "after skipping PEM blocks of the following types: [" + String.join(" ", skipped) + "]");
    }

    /** PKCS#1, PKCS#8, SEC 1, in Go's order; null when none fits. */
    static PrivateKey parse(byte[] der) {
        PrivateKey key = pkcs1(der);
        if (key == null) {
            key = pkcs8(der);
        }
        if (key == null) {
            key = sec1(der);
        }
        return key;
    }

    /** Go's check that the key belongs to the certificate: same algorithm, and a signature the certificate verifies. */
    static void checkMatches(PrivateKey key, PublicKey certified) throws TlsSetupException {
        if (!family(key.getAlgorithm()).equals(family(certified.getAlgorithm()))) {
            throw new TlsSetupException("tls: private key type does not match public key type");
        }
        String algorithm = switch (family(key.getAlgorithm())) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new TlsSetupException("tls: private key does not match public key");
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("tls: private key does not match public key", e);
        }
    }

    private static String family(String algorithm) {
        return switch (algorithm) {
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "EC", "ECDSA" -> "EC";
            default -> algorithm;
        };
    }

    private static PrivateKey pkcs1(byte[] der) {
        try {
            List<Der.Element> fields = Der.read(der).children();
            if (fields.size() < 9 || fields.get(0).tag() != Der.INTEGER) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return generate("RSA", wrap(Der.sequence(RSA_OID, DER_NULL), der));
    }

    private static PrivateKey pkcs8(byte[] der) {
        try {
            List<Der.Element> fields = Der.read(der).children();
            if (fields.size() < 3 || fields.get(1).tag() != Der.SEQUENCE) {
                return null;
            }
            byte[] oid = fields.get(1).children().get(0).encoded();
            if (Arrays.equals(oid, RSA_OID)) {
                return generate("RSA", der);
            } else if (Arrays.equals(oid, EC_OID)) {
                return generate("EC", der);
            } else if (Arrays.equals(oid, ED25519_OID)) {
                return generate("Ed25519", der);
            }
            return null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static PrivateKey sec1(byte[] der) {
        try {
            List<Der.Element> fields = Der.read(der).children();
            if (fields.size() < 2 || fields.get(1).tag() != Der.OCTET_STRING) {
                return null;
            }
            byte[] curve = null;
            for (Der.Element field : fields) {
                if (field.tag() == CONTEXT_0) {
                    curve = field.children().get(0).encoded();
                }
            }
            if (curve == null) {
                return null;
            }
            return generate("EC", wrap(Der.sequence(EC_OID, curve), der));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static byte[] wrap(byte[] algorithmIdentifier, byte[] privateKey) {
        return Der.sequence(VERSION_0, algorithmIdentifier, Der.encode(Der.OCTET_STRING, privateKey));
    }

    private static PrivateKey generate(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
