package io.natrium.domain.jwt;

import io.natrium.domain.text.GoIpAddresses;

import java.util.Arrays;

/**
 * An IP network as Go's {@code net.ParseCIDR} reads it ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), and Go's
 * {@code Contains}: an IPv4 address also matches in its IPv4-mapped IPv6 form.
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
        byte[] address = GoIpAddresses.parse(host);
        String bits = text.substring(slash + 1);
        if (address == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                || bits.length() > 1 && bits.charAt(0) == '0') {
            return null;
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > address.length * 8) {
            return null;
        }
        if (GoIpAddresses.isIpv4Mapped(address)) {
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
        byte[] address = GoIpAddresses.parse(text);
        return address != null && GoIpAddresses.isIpv4Mapped(address) ? Arrays.copyOfRange(address, 12, 16) : address;
    }
}
