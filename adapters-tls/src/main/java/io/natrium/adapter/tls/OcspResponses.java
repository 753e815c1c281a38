package io.natrium.adapter.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a responder's answer as nats-server does with Go's {@code ocsp.ParseResponse} and its own
 * {@code validOCSPResponse}: a successful basic response for the certificate, signed by the issuer or by a
 * certificate the issuer signed, current (its {@code thisUpdate} not in the future, its {@code nextUpdate} not past).
 * The status itself, good or not, is the caller's to judge.
 */
final class OcspResponses {

    private static final int ENUMERATED = 0x0a;
    private static final int GENERALIZED_TIME = 0x18;
    private static final int EXPLICIT_0 = 0xa0;
    private static final int GOOD = 0x80;
    private static final int REVOKED = 0xa1;
    private static final int UNKNOWN = 0x82;
    private static final String BASIC = "1.3.6.1.5.5.7.48.1.1";
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** Go's names of the response statuses (RFC 6960 4.2.1); 4 is not used. */
    private static final List<String> RESPONSE_STATUSES = List.of("success", "malformed", "internal error",
            "try later", "unknown OCSP status: 4", "signature required", "unauthorized");
    private static final Map<String, String> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.5", "SHA1withRSA"), Map.entry("1.2.840.113549.1.1.11", "SHA256withRSA"),
            Map.entry("1.2.840.113549.1.1.12", "SHA384withRSA"), Map.entry("1.2.840.113549.1.1.13", "SHA512withRSA"),
            Map.entry("1.2.840.10045.4.1", "SHA1withECDSA"), Map.entry("1.2.840.10045.4.3.2", "SHA256withECDSA"),
            Map.entry("1.2.840.10045.4.3.3", "SHA384withECDSA"), Map.entry("1.2.840.10045.4.3.4", "SHA512withECDSA"),
            Map.entry("1.3.101.112", "Ed25519"));
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private OcspResponses() {
    }

    static OcspResponse parse(byte[] raw, X509Certificate leaf, X509Certificate issuer, Instant now)
            throws OcspException {
        try {
            return check(read(raw, leaf, issuer), now);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new OcspException("failed to get remote status: ocsp: error parsing response: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Go's {@code ocsp.ParseResponse} alone: the signature and the certificate's entry are checked, currency is
     * the caller's (OCSP peer checks allow a clock skew).
     */
    static OcspResponse parseSigned(byte[] raw, X509Certificate leaf, X509Certificate issuer) throws OcspException {
        try {
            return read(raw, leaf, issuer);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new OcspException("ocsp: error parsing response: " + e.getMessage(), e);
        }
    }

    /**
     * nats-server's {@code ValidDelegationCheck} (RFC 6960 4.2.2.2): a response signed by a certificate other than
     * the issuer is only good when the issuer gave that certificate the OCSP signing purpose. The signature was
     * checked by the parse.
     */
    static boolean delegationValid(byte[] raw, X509Certificate issuer) {
        try {
            List<Der.Element> response = Der.read(raw).children();
            List<Der.Element> responseBytes = Der.read(response.get(1).content()).children();
            List<Der.Element> basic = Der.read(responseBytes.get(1).content()).children();
            if (basic.size() < 4 || basic.get(3).tag() != EXPLICIT_0) {
                return true;
            }
            List<Der.Element> certificates = Der.read(basic.get(3).content()).children();
            if (certificates.isEmpty()) {
                return true;
            }
            X509Certificate responder = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificates.get(0).encoded()));
            if (responder.equals(issuer)) {
                return true;
            }
            List<String> purposes = responder.getExtendedKeyUsage();
            return purposes != null && purposes.contains(OCSP_SIGNING);
        } catch (CertificateException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static OcspResponse read(byte[] raw, X509Certificate leaf, X509Certificate issuer)
            throws OcspException {
        List<Der.Element> response = Der.read(raw).children();
        Der.Element status = response.get(0);
        int code = status.tag() == ENUMERATED && status.content().length == 1 ? status.content()[0] : -1;
        if (code != 0) {
            String name = code > 0 && code < RESPONSE_STATUSES.size() ? RESPONSE_STATUSES.get(code)
                    : "unknown OCSP status: " + code;
            throw new OcspException("failed to get remote status: ocsp: error from server: " + name);
        }
        List<Der.Element> responseBytes = Der.read(response.get(1).content()).children();
        if (!BASIC.equals(oid(responseBytes.get(0).content()))) {
            throw new OcspException("failed to get remote status: ocsp: bad OCSP response type");
        }
        List<Der.Element> basic = Der.read(responseBytes.get(1).content()).children();
        Der.Element tbs = basic.get(0);
        String algorithm = oid(basic.get(1).children().get(0).content());
        byte[] signature = Arrays.copyOfRange(basic.get(2).content(), 1, basic.get(2).content().length);
        PublicKey signer = signer(basic, issuer);
        verify(algorithm, signer, tbs.encoded(), signature);
        return single(tbs, leaf, raw);
    }

    /** The issuer, or the responder certificate it delegated to (which it must have signed). */
    private static PublicKey signer(List<Der.Element> basic, X509Certificate issuer) throws OcspException {
        if (basic.size() < 4 || basic.get(3).tag() != EXPLICIT_0) {
            return issuer.getPublicKey();
        }
        List<Der.Element> certificates = Der.read(basic.get(3).content()).children();
        if (certificates.isEmpty()) {
            return issuer.getPublicKey();
        }
        try {
            X509Certificate responder = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificates.get(0).encoded()));
            responder.verify(issuer.getPublicKey());
            return responder.getPublicKey();
        } catch (CertificateException e) {
            throw new OcspException("failed to get remote status: ocsp: error parsing response: " + e.getMessage(),
                    e);
        } catch (GeneralSecurityException e) {
            throw new OcspException("failed to get remote status: bad signature on embedded certificate: "
                    + e.getMessage(), e);
        }
    }

    private static void verify(String algorithm, PublicKey key, byte[] signed, byte[] signature)
            throws OcspException {
        String name = SIGNATURES.get(algorithm);
        if (name == null) {
            throw new OcspException("failed to get remote status: x509: cannot verify signature: algorithm "
                    + "unimplemented");
        }
        try {
            Signature verifier = Signature.getInstance(name);
            verifier.initVerify(key);
            verifier.update(signed);
            if (!verifier.verify(signature)) {
                throw new OcspException("failed to get remote status: ocsp: bad signature");
            }
        } catch (GeneralSecurityException e) {
            throw new OcspException("failed to get remote status: ocsp: bad signature: " + e.getMessage(), e);
        }
    }

    /** The single response whose serial number is the certificate's. */
    private static OcspResponse single(Der.Element tbs, X509Certificate leaf, byte[] raw) throws OcspException {
        List<Der.Element> data = tbs.children();
        int at = data.get(0).tag() == EXPLICIT_0 ? 1 : 0;
        // responderID, producedAt, then the responses.
        List<Der.Element> responses = data.get(at + 2).children();
        for (Der.Element single : responses) {
            List<Der.Element> fields = single.children();
            BigInteger serial = new BigInteger(fields.get(0).children().get(3).content());
            if (!serial.equals(leaf.getSerialNumber())) {
                continue;
            }
            OcspResponse.Status status = switch (fields.get(1).tag()) {
                case GOOD -> OcspResponse.Status.GOOD;
                case REVOKED -> OcspResponse.Status.REVOKED;
                case UNKNOWN -> OcspResponse.Status.UNKNOWN;
                default -> throw new IllegalArgumentException("bad certificate status");
            };
            Instant thisUpdate = time(fields.get(2));
            Instant nextUpdate = fields.size() > 3 && fields.get(3).tag() == EXPLICIT_0
                    ? time(Der.read(fields.get(3).content())) : null;
            return new OcspResponse(raw, status, thisUpdate, nextUpdate);
        }
        throw new OcspException("failed to get remote status: ocsp: no response matching the supplied certificate");
    }

    /** nats-server's {@code validOCSPResponse}. */
    static OcspResponse check(OcspResponse response, Instant now) throws OcspException {
        if (response.nextUpdate() != null && response.nextUpdate().isBefore(now)) {
            throw new OcspException("invalid ocsp NextUpdate, is past time: " + response.nextUpdate());
        }
        if (response.thisUpdate().isAfter(now)) {
            throw new OcspException("invalid ocsp ThisUpdate, is future time: " + response.thisUpdate());
        }
        return response;
    }

    /** GeneralizedTime in UTC, fractions of a second dropped. */
    private static Instant time(Der.Element element) {
        if (element.tag() != GENERALIZED_TIME) {
            throw new IllegalArgumentException("expected a GeneralizedTime");
        }
        String text = new String(element.content(), StandardCharsets.US_ASCII);
        return LocalDateTime.parse(text.substring(0, 14), GENERALIZED).toInstant(ZoneOffset.UTC);
    }

    private static String oid(byte[] content) {
        StringBuilder text = new StringBuilder();
        long value = 0;
        for (int i = 0; i < content.length; i++) {
            value = (value << 7) | (content[i] & 0x7f);
            if ((content[i] & 0x80) == 0) {
                if (text.length() == 0) {
                    long first = Math.min(value / 40, 2);
                    text.append(first).append('.').append(value - first * 40);
                } else {
                    text.append('.').append(value);
                }
                value = 0;
            }
        }
        return text.toString();
    }
}
