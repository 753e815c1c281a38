package io.natrium.adapter.tls;

import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

/**
 * A certificate subject as Go's {@code pkix.Name.String()} writes it, which is what nats-server shows in /connz
 * (and matches users against with {@code verify_and_map}): the well-known attributes regrouped in Go's fixed order
 * (C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER; several values of one type joined with {@code +}), other
 * attributes first, all printed last to first; unknown types as {@code oid=#hex} of the value re-encoded as Go's
 * {@code asn1.Marshal} would, RFC 2253 escapes.
 */
final class GoDistinguishedName {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static final byte[] UTF8_STRING_TAG = {0x0c};

    static {
        // Go's ToRDNSequence order; the map keeps it.
        NAMES.put("2.5.4.6", "C");
        NAMES.put("2.5.4.8", "ST");
        NAMES.put("2.5.4.7", "L");
        NAMES.put("2.5.4.9", "STREET");
        NAMES.put("2.5.4.17", "POSTALCODE");
        NAMES.put("2.5.4.10", "O");
        NAMES.put("2.5.4.11", "OU");
        NAMES.put("2.5.4.3", "CN");
        NAMES.put("2.5.4.5", "SERIALNUMBER");
    }

    private record Attribute(String oid, String value) {
    }

    private GoDistinguishedName() {
    }

    static String of(X500Principal principal) {
        return write(principal, true);
    }

    /**
     * The subject as Go's {@code pkix.Name.ToRDNSequence().String()} writes it, which nats-server looks users up by
     * with {@code verify_and_map}: the well-known attributes only.
     */
    static String rdnSequence(X500Principal principal) {
        return write(principal, false);
    }

    /**
     * The subject's RDNs as encoded, outermost first, each attribute with its OID and its value when Go reads it as
     * a string (Printable, IA5, UTF8, T61, Numeric or BMP string).
     */
    static List<List<SubjectAttribute>> attributes(X500Principal principal) {
        List<List<SubjectAttribute>> rdns = new ArrayList<>();
        for (Der.Element rdn : Der.read(principal.getEncoded()).children()) {
            List<SubjectAttribute> attributes = new ArrayList<>();
            for (Der.Element pair : rdn.children()) {
                List<Der.Element> typeAndValue = pair.children();
                Der.Element value = typeAndValue.get(1);
                boolean string = switch (value.tag()) {
                    case 0x0c, 0x12, 0x13, 0x14, 0x16, 0x1e -> true;
                    default -> false;
                };
                attributes.add(new SubjectAttribute(oid(typeAndValue.get(0).content()),
                        string ? text(value) : null));
            }
            rdns.add(attributes);
        }
        return rdns;
    }

    private static String write(X500Principal principal, boolean withOthers) {
        List<Attribute> attributes = new ArrayList<>();
        for (Der.Element rdn : Der.read(principal.getEncoded()).children()) {
            for (Der.Element pair : rdn.children()) {
                List<Der.Element> typeAndValue = pair.children();
                attributes.add(new Attribute(oid(typeAndValue.get(0).content()), text(typeAndValue.get(1))));
            }
        }
        List<List<Attribute>> sequence = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (withOthers && !NAMES.containsKey(attribute.oid())) {
                sequence.add(List.of(attribute));
            }
        }
        for (String oid : NAMES.keySet()) {
            List<Attribute> values = attributes.stream().filter(a -> a.oid().equals(oid)).toList();
            if (values.isEmpty()) {
                continue;
            }
            // Go keeps only the first common name and serial number, each a one-value RDN.
            boolean single = oid.equals("2.5.4.3") || oid.equals("2.5.4.5");
            sequence.add(single ? List.of(values.get(0)) : values);
        }
        StringBuilder text = new StringBuilder();
        for (int i = sequence.size() - 1; i >= 0; i--) {
            if (text.length() > 0) {
                text.append(',');
            }
            List<Attribute> rdn = sequence.get(i);
            for (int j = 0; j < rdn.size(); j++) {
                if (j > 0) {
                    text.append('+');
                }
                append(text, rdn.get(j));
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Attribute attribute) {
        String name = NAMES.get(attribute.oid());
        if (name == null) {
            text.append(attribute.oid()).append("=#").append(HexFormat.of().formatHex(marshal(attribute.value())));
            return;
        }
        text.append(name).append('=');
        String value = attribute.value();
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            boolean escape = switch (c) {
                case ',', '+', '"', '\\', '<', '>', ';' -> true;
                case ' ' -> k == 0 || k == value.length() - 1;
                case '#' -> k == 0;
                default -> false;
            };
            if (escape) {
                text.append('\\');
            }
            text.append(c);
        }
    }

    /** Go's {@code asn1.Marshal} of a string: PrintableString when every character allows it, else UTF8String. */
    private static byte[] marshal(String value) {
        boolean printable = value.chars().allMatch(GoDistinguishedName::printable);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return Der.encode(printable ? 0x13 : UTF8_STRING_TAG[0], bytes);
    }

    private static boolean printable(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || " '()+,-./:=?".indexOf(c) >= 0;
    }

    private static String text(Der.Element value) {
        byte[] content = value.content();
        return switch (value.tag()) {
            case 0x1e -> new String(content, StandardCharsets.UTF_16BE);
            case 0x14 -> new String(content, StandardCharsets.ISO_8859_1);
            case 0x1c -> new String(content, java.nio.charset.Charset.forName("UTF-32BE"));
            default -> new String(content, StandardCharsets.UTF_8);
        };
    }

    private static String oid(byte[] content) {
        StringBuilder text = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = (int) Math.min(value / 40, 2);
                    text.append(top).append('.').append(value - top * 40L);
                    first = false;
                } else {
                    text.append('.').append(value);
                }
                value = 0;
            }
        }
        return text.toString();
    }
}
