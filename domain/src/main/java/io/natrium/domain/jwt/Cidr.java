package io.natrium.domain.jwt;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IP network as Go's {@code net.ParseCIDR} reads it ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), and Go's
 * {@code Contains}: an IPv4 address also matches in its IPv4-mapped IPv6 form. Parsed by hand for IPv4 and only as
 * a bracketed literal for IPv6, so nothing here ever asks a name service.
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
        byte[] address = address(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        if (address == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                || bits.length() > 1 && bits.charAt(0) == '0') {
            return null;
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > address.length * 8) {
            return null;
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            byte[] address = InetAddress.getByName("[" + text + "]").getAddress();
            if (address.length == 4) {
                return address;
            }
            byte[] mappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
            if (Arrays.equals(Arrays.copyOf(address, 12), mappedPrefix)) {
                return Arrays.copyOfRange(address, 12, 16);
            }
            return address;
        } catch (UnknownHostException | RuntimeException notALiteral) {
            return null;
        }
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
