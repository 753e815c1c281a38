package io.natrium.adapter.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough ASN.1 DER to read the key formats Go accepts and the JDK does not (PKCS#1 RSA, SEC 1 EC), to rewrap
 * them as PKCS#8, and to walk a distinguished name. Lengths are checked: a malformed key is refused, not guessed.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    /** One element: its tag and its content. */
    record Element(int tag, byte[] content) {

        /** The elements inside a constructed one (SEQUENCE, SET, [n] EXPLICIT). */
        List<Element> children() {
            return Der.readAll(content);
        }

        /** The whole element, tag and length included. */
        byte[] encoded() {
            return Der.encode(tag, content);
        }
    }

    private Der() {
    }

    /** Exactly one element filling {@code bytes}. */
    static Element read(byte[] bytes) {
        List<Element> all = readAll(bytes);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + all.size());
        }
        return all.get(0);
    }

    static List<Element> readAll(byte[] bytes) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int tag = bytes[at++] & 0xff;
            if (at >= bytes.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            int length = bytes[at++] & 0xff;
            if (length >= 0x80) {
                int octets = length & 0x7f;
                if (octets == 0 || octets > 4 || at + octets > bytes.length) {
                    throw new IllegalArgumentException("bad DER length");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (bytes[at++] & 0xff);
                }
                if (length < 0) {
                    throw new IllegalArgumentException("bad DER length");
                }
            }
            if (length > bytes.length - at) {
                throw new IllegalArgumentException("truncated DER");
            }
            elements.add(new Element(tag, Arrays.copyOfRange(bytes, at, at + length)));
            at += length;
        }
        return elements;
    }

    static byte[] encode(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... encodedElements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] element : encodedElements) {
            content.writeBytes(element);
        }
        return encode(SEQUENCE, content.toByteArray());
    }
}
