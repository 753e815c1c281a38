package io.natrium.adapter.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One {@code -----BEGIN TYPE-----} block of a PEM file. Like Go's {@code pem.Decode}, text around blocks is skipped,
 * and a block whose base64 does not decode is not a block.
 *
 * @param type  what the BEGIN line names, e.g. {@code CERTIFICATE}, {@code RSA PRIVATE KEY}
 * @param bytes the decoded content
 */
record PemBlock(String type, byte[] bytes) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** Every block of the text, in order. */
    static List<PemBlock> parse(String text) {
        List<PemBlock> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, at);
            if (begin < 0) {
                return blocks;
            }
            int typeEnd = text.indexOf(DASHES, begin + BEGIN.length());
            int lineEnd = text.indexOf('\n', begin);
            if (typeEnd < 0 || lineEnd >= 0 && typeEnd > lineEnd) {
                at = begin + BEGIN.length();
                continue;
            }
            String type = text.substring(begin + BEGIN.length(), typeEnd);
            String endLine = END + type + DASHES;
            int end = text.indexOf(endLine, typeEnd);
            if (end < 0) {
                return blocks;
            }
            byte[] bytes = decode(text.substring(typeEnd + DASHES.length(), end));
            if (bytes != null) {
                blocks.add(new PemBlock(type, bytes));
            }
            at = end + endLine.length();
        }
    }

    /** The base64 body without the {@code Key: value} headers an encrypted block carries; null when not base64. */
    private static byte[] decode(String body) {
        StringBuilder base64 = new StringBuilder(body.length());
        for (String line : body.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.contains(":")) {
                base64.append(trimmed);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
