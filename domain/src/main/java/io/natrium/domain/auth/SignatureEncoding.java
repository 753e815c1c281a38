package io.natrium.domain.auth;

import java.util.Base64;

/**
 * Decodes a CONNECT {@code sig} as nats-server does: unpadded base64url first, then, should that fail, padded standard
 * base64. Go's decoders skip CR and LF anywhere; padding is refused by the first and required by the second. The
 * JDK's decoders are more lenient about padding, so those rules are checked here first.
 */
public final class SignatureEncoding {

    private SignatureEncoding() {
    }

    /** The decoded bytes, or null when the text is neither encoding. */
    public static byte[] decode(String text) {
        String compact = withoutLineBreaks(text);
        if (compact.indexOf('=') < 0) {
            byte[] decoded = decodeOrNull(Base64.getUrlDecoder(), compact);
            if (decoded != null) {
                return decoded;
            }
        }
        return compact.length() % 4 == 0 ? decodeOrNull(Base64.getDecoder(), compact) : null;
    }

    private static byte[] decodeOrNull(Base64.Decoder decoder, String text) {
        try {
            return decoder.decode(text);
        } catch (IllegalArgumentException notThisEncoding) {
            return null;
        }
    }

    private static String withoutLineBreaks(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        return compact.toString();
    }
}
