package io.natrium.domain.auth;

import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A distinguished name as nats-server's {@code internal/ldap} package reads and compares it, to find the user named
 * by a certificate's subject: {@link #parse} reads a user's name written in RFC 2253 form, {@link #ofSubject} a
 * certificate's subject (last RDN first, as RFC 2253 writes it); {@link #sameAs} compares RDN by RDN in order,
 * {@link #sameRdnsAs} in any order. Attribute types compare without case, values exactly.
 */
public final class DistinguishedName {

    /** nats-server's {@code attributeTypeNames}: a subject with any other attribute has no DN to match. */
    private static final Map<String, String> TYPE_NAMES = Map.of(
            "2.5.4.3", "CN",
            "2.5.4.5", "SERIALNUMBER",
            "2.5.4.6", "C",
            "2.5.4.7", "L",
            "2.5.4.8", "ST",
            "2.5.4.9", "STREET",
            "2.5.4.10", "O",
            "2.5.4.11", "OU",
            "2.5.4.17", "POSTALCODE",
            "0.9.2342.19200300.100.1.25", "DC");

    record Attribute(String type, String value) {

        boolean sameAs(Attribute other) {
            return type.equalsIgnoreCase(other.type) && value.equals(other.value);
        }
    }

    private final List<List<Attribute>> rdns;

    private DistinguishedName(List<List<Attribute>> rdns) {
        this.rdns = rdns;
    }

    List<List<Attribute>> rdns() {
        return rdns;
    }

    /**
     * The DN of a certificate's subject, as {@code ldap.FromRawCertSubject}: RDNs and the attributes within each in
     * reverse order, empty RDNs left out; null when an attribute is of a type outside the ten it knows or its value
     * is not a string.
     */
    public static DistinguishedName ofSubject(List<List<SubjectAttribute>> subject) {
        List<List<Attribute>> rdns = new ArrayList<>();
        for (int i = subject.size() - 1; i >= 0; i--) {
            List<SubjectAttribute> rdn = subject.get(i);
            if (rdn.isEmpty()) {
                continue;
            }
            List<Attribute> attributes = new ArrayList<>();
            for (int j = rdn.size() - 1; j >= 0; j--) {
                SubjectAttribute attribute = rdn.get(j);
                String type = TYPE_NAMES.get(attribute.oid());
                if (type == null || attribute.value() == null) {
                    return null;
                }
                attributes.add(new Attribute(type, attribute.value()));
            }
            rdns.add(attributes);
        }
        return new DistinguishedName(rdns);
    }

    /**
     * A DN written as text, as {@code ldap.ParseDN} reads it ({@code ,} between RDNs, {@code +} within one,
     * backslash escapes of a special character or two hex digits, spaces before a type or value dropped, unescaped
     * trailing spaces too); null when it is not one (e.g. a plain user name, a BER value {@code =#...}).
     */
    public static DistinguishedName parse(String text) {
        byte[] str = text.getBytes(StandardCharsets.UTF_8);
        List<List<Attribute>> rdns = new ArrayList<>();
        List<Attribute> rdn = new ArrayList<>();
        Bytes buffer = new Bytes(str.length);
        String type = "";
        boolean escaping = false;
        int trailingSpaces = 0;
        for (int i = 0; i < str.length; i++) {
            byte c = str[i];
            if (escaping) {
                trailingSpaces = 0;
                escaping = false;
                if (" \"#+,;<=>\\".indexOf(c) >= 0) {
                    buffer.write(c);
                    continue;
                }
                if (str.length == i + 1) {
                    return null;
                }
                int high = Character.digit(c, 16);
                int low = Character.digit(str[i + 1], 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                buffer.write(high << 4 | low);
                i++;
            } else if (c == '\\') {
                trailingSpaces = 0;
                escaping = true;
            } else if (c == '=') {
                type = take(buffer, trailingSpaces);
                trailingSpaces = 0;
                if (str.length > i + 1 && str[i + 1] == '#') {
                    return null;
                }
            } else if (c == ',' || c == '+') {
                if (type.isEmpty()) {
                    return null;
                }
                rdn.add(new Attribute(type, take(buffer, trailingSpaces)));
                trailingSpaces = 0;
                type = "";
                if (c == ',') {
                    rdns.add(rdn);
                    rdn = new ArrayList<>();
                }
            } else if (c == ' ' && buffer.size() == 0) {
                continue;
            } else {
                trailingSpaces = c == ' ' ? trailingSpaces + 1 : 0;
                buffer.write(c);
            }
        }
        if (buffer.size() > 0) {
            if (type.isEmpty()) {
                return null;
            }
            rdn.add(new Attribute(type, take(buffer, trailingSpaces)));
            rdns.add(rdn);
        }
        return new DistinguishedName(rdns);
    }

    private static String take(Bytes buffer, int trailingSpaces) {
        String text = new String(buffer.bytes, 0, buffer.size - trailingSpaces, StandardCharsets.UTF_8);
        buffer.size = 0;
        return text;
    }

    /** Go's {@code bytes.Buffer} as {@code ParseDN} uses it: the bytes of the current type or value. */
    private static final class Bytes {
        private final byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            bytes[size++] = (byte) b;
        }

        int size() {
            return size;
        }
    }

    /** {@code DN.Equal}: the same RDNs in the same order, each with the same attributes in any order. */
    public boolean sameAs(DistinguishedName other) {
        if (rdns.size() != other.rdns.size()) {
            return false;
        }
        for (int i = 0; i < rdns.size(); i++) {
            if (!sameRdn(rdns.get(i), other.rdns.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code DN.RDNsMatch}: as many RDNs, each of this DN's found among the other's, in any order. */
    public boolean sameRdnsAs(DistinguishedName other) {
        if (rdns.size() != other.rdns.size()) {
            return false;
        }
        for (List<Attribute> mine : rdns) {
            if (other.rdns.stream().noneMatch(theirs -> sameRdn(mine, theirs))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRdn(List<Attribute> a, List<Attribute> b) {
        return a.size() == b.size() && hasAll(a, b) && hasAll(b, a);
    }

    private static boolean hasAll(List<Attribute> holder, List<Attribute> wanted) {
        for (Attribute attribute : wanted) {
            if (holder.stream().noneMatch(mine -> mine.sameAs(attribute))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (List<Attribute> rdn : rdns) {
            if (text.length() > 0) {
                text.append(',');
            }
            for (int i = 0; i < rdn.size(); i++) {
                text.append(i > 0 ? "+" : "").append(rdn.get(i).type()).append('=').append(rdn.get(i).value());
            }
        }
        return text.toString();
    }
}
