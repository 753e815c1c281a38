package io.natrium.domain.jwt;

import java.util.Arrays;

/**
 * An IP network as Go's {@code net.ParseCIDR} reads it ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), and Go's
 * {@code Contains}: an IPv4 address also matches in its IPv4-mapped IPv6 form. Parsed by hand, so nothing here
 * ever asks a name service.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** The network, or null when the text is not a CIDR. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String host = text.substring(0, slash);
        byte[] address = host.indexOf(':') < 0 ? ipv4(host) : ipv6(host);
        String bits = text.substring(slash + 1);
        if (address == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                || bits.length() > 1 && bits.charAt(0) == '0') {
            return null;
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > address.length * 8) {
            return null;
        }
        if (isIpv4Mapped(address)) {
            // Go compares an IPv4-mapped network as IPv4 with the last 32 bits of its mask.
            return new Cidr(Arrays.copyOfRange(address, 12, 16), Math.max(0, prefix - 96));
        }
        return new Cidr(address, prefix);
    }

    /** True when {@code ip} (an address literal) lies in the network; false for anything that is not an address. */
    public boolean contains(String ip) {
        byte[] address = address(ip);
        if (address == null || address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The 4 bytes of an IPv4 address (also from its IPv4-mapped IPv6 form) or the 16 of an IPv6 one; else null. */
    static byte[] address(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        byte[] address = ipv6(text);
        return address != null && isIpv4Mapped(address) ? Arrays.copyOfRange(address, 12, 16) : address;
    }

    private static boolean isIpv4Mapped(byte[] address) {
        if (address.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
    }

    /** Go's IPv6 text: hex groups of one to four digits, one {@code ::}, an IPv4 tail; no zone. */
    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] head = gap < 0 ? groups(text, true) : groups(text.substring(0, gap), false);
        byte[] tail = gap < 0 ? new byte[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int length = head.length + tail.length;
        if (gap < 0 ? length != 16 : length > 14) {
            return null;
        }
        byte[] address = new byte[16];
        System.arraycopy(head, 0, address, 0, head.length);
        System.arraycopy(tail, 0, address, 16 - tail.length, tail.length);
        return address;
    }

    /** The bytes of colon-separated groups; the last may be an IPv4 address when {@code last} is the end. */
    private static byte[] groups(String text, boolean last) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        byte[] bytes = new byte[parts.length * 2 + 2];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (last && i == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, bytes, length, 4);
                length += 4;
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = Character.digit(part.charAt(j), 16);
                if (digit < 0) {
                    return null;
                }
                value = value << 4 | digit;
            }
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }
        return length > 16 ? null : Arrays.copyOf(bytes, length);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || part.length() > 1 && part.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }
}
