package io.natrium.adapter.tls;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The OCSP responders a certificate names (Go's {@code Certificate.OCSPServer}), in their order. */
final class AuthorityInformationAccess {

    private static final String OID = "1.3.6.1.5.5.7.1.1";
    /** id-ad-ocsp, 1.3.6.1.5.5.7.48.1. */
    private static final byte[] OCSP = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01};
    /** uniformResourceIdentifier [6] IMPLICIT IA5String. */
    private static final int URI = 0x86;

    private AuthorityInformationAccess() {
    }

    static List<String> ocspUrls(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(OID);
        if (extension == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (Der.Element description : Der.read(Der.read(extension).content()).children()) {
            List<Der.Element> fields = description.children();
            if (fields.size() == 2 && Arrays.equals(fields.get(0).content(), OCSP) && fields.get(1).tag() == URI) {
                urls.add(new String(fields.get(1).content(), StandardCharsets.US_ASCII));
            }
        }
        return urls;
    }
}
