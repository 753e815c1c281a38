package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.HostText;
import io.natrium.domain.subject.Utf8;
import io.natrium.domain.text.GoIpAddresses;
import io.natrium.domain.text.GoStrings;
import io.netty.buffer.ByteBuf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HAProxy's PROXY protocol header (version 1, text, or version 2, binary) from the start of what a client
 * connection sent, as nats-server's {@code proxy_protocol} reads it: a connection that does not start with either
 * signature is a client that came without a proxy, and keeps its bytes; a header is judged with nats-server's
 * checks and errors. Nothing is consumed here: the outcome says how many bytes the header took.
 */
final class ProxyHeaderReader {

    /** nats-server reads this much before deciding whether a header comes at all. */
    static final int SIGNATURE_PREFIX = 6;
    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** The longest v1 line nats-server reads after "PROXY ", CRLF included (107 in all). */
    private static final int V1_MAX_REST = 107 - SIGNATURE_PREFIX;
    private static final int V2_FIXED = 16;

    private ProxyHeaderReader() {
    }

    /** What the start of a connection holds; {@code length} is what the header took (0 without one). */
    record Outcome(Kind kind, int length, String host, int port, String error) {

        enum Kind { MORE, NO_HEADER, HEADER, FAILED }

        static final Outcome MORE = new Outcome(Kind.MORE, 0, null, 0, null);
        static final Outcome NO_HEADER = new Outcome(Kind.NO_HEADER, 0, null, 0, null);

        static Outcome header(int length) {
            return new Outcome(Kind.HEADER, length, null, 0, null);
        }

        static Outcome proxied(int length, InetAddress source, int port) {
            return new Outcome(Kind.HEADER, length, HostText.of(source), port, null);
        }

        static Outcome failed(String error) {
            return new Outcome(Kind.FAILED, 0, null, 0, error);
        }

        /** A header that names the client (not a health check's). */
        boolean names() {
            return host != null;
        }
    }

    /** Judges the readable bytes of {@code in}; {@link Outcome#MORE} until they decide. */
    static Outcome read(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < SIGNATURE_PREFIX) {
            return Outcome.MORE;
        }
        if (startsWith(in, start, V1_PREFIX, SIGNATURE_PREFIX)) {
            return readV1(in, start);
        }
        if (startsWith(in, start, V2_SIGNATURE, SIGNATURE_PREFIX)) {
            return readV2(in, start);
        }
        return Outcome.NO_HEADER;
    }

    /**
     * Go's error for a header cut short, by where it stopped: {@code cause} is what the read met ({@code EOF},
     * an i/o timeout); {@code eof} says it was the end of the stream, which Go's full reads report as
     * {@code unexpected EOF} once they had part of what they wanted.
     */
    static String incomplete(ByteBuf in, String cause, boolean eof) {
        int start = in.readerIndex();
        int have = in.readableBytes();
        if (have < SIGNATURE_PREFIX) {
            return "failed to read protocol version: " + fullRead(have, cause, eof);
        }
        if (startsWith(in, start, V1_PREFIX, SIGNATURE_PREFIX)) {
            return "failed to read v1 line: " + cause;
        }
        if (have < V2_SIGNATURE.length) {
            return "failed to read v2 signature: " + fullRead(have - SIGNATURE_PREFIX, cause, eof);
        }
        if (have < V2_FIXED) {
            return "failed to read v2 header: " + fullRead(have - V2_SIGNATURE.length, cause, eof);
        }
        int family = in.getUnsignedByte(start + 13) & 0xF0;
        int command = in.getUnsignedByte(start + 12) & 0x0F;
        int part = have - V2_FIXED;
        if (command == 0) {
            return "failed to discard LOCAL command address data: " + cause;
        }
        if (family == 0x00) {
            return "failed to discard UNSPEC address address data: " + cause;
        }
        return "failed to read " + (family == 0x10 ? "IPv4" : "IPv6") + " address data: "
                + fullRead(part, cause, eof);
    }

    private static String fullRead(int had, String cause, boolean eof) {
        return eof && had > 0 ? "unexpected EOF" : cause;
    }

    private static Outcome readV1(ByteBuf in, int start) {
        int restStart = start + SIGNATURE_PREFIX;
        int available = Math.min(in.writerIndex() - restStart, V1_MAX_REST);
        for (int i = 0; i + 1 < available; i++) {
            if (in.getByte(restStart + i) == '\r' && in.getByte(restStart + i + 1) == '\n') {
                byte[] line = new byte[i];
                in.getBytes(restStart, line);
                // Bytes that are not UTF-8 are kept, so that an error quotes them as Go does.
                return judgeV1(GoText.fields(Utf8.decodeKeepingBytes(line, 0, i)), SIGNATURE_PREFIX + i + 2);
            }
        }
        return available >= V1_MAX_REST ? Outcome.failed("invalid PROXY protocol header: v1 line too long")
                : Outcome.MORE;
    }

    private static Outcome judgeV1(List<String> parts, int length) {
        if (parts.isEmpty()) {
            return Outcome.failed("invalid PROXY protocol header: invalid v1 format");
        }
        if (parts.get(0).equals("UNKNOWN")) {
            return Outcome.header(length);
        }
        if (parts.size() != 5) {
            return Outcome.failed("invalid PROXY protocol header: invalid v1 format");
        }
        InetAddress source = GoText.parseIp(parts.get(1));
        InetAddress destination = GoText.parseIp(parts.get(2));
        if (source == null || destination == null) {
            return Outcome.failed("invalid PROXY protocol header: invalid address");
        }
        int sourcePort = GoText.parsePort(parts.get(3));
        if (sourcePort < 0) {
            return Outcome.failed("invalid source port: " + GoText.portError(parts.get(3)));
        }
        if (GoText.parsePort(parts.get(4)) < 0) {
            return Outcome.failed("invalid dest port: " + GoText.portError(parts.get(4)));
        }
        String protocol = parts.get(0);
        boolean sourceV6 = parts.get(1).contains(":");
        boolean destinationV6 = parts.get(2).contains(":");
        if (protocol.equals("TCP4") && (sourceV6 || destinationV6)) {
            return Outcome.failed("invalid PROXY protocol header: TCP4 with IPv6 address");
        }
        if (protocol.equals("TCP6") && (!sourceV6 || !destinationV6)) {
            return Outcome.failed("invalid PROXY protocol header: TCP6 with IPv4 address");
        }
        if (!protocol.equals("TCP4") && !protocol.equals("TCP6")) {
            return Outcome.failed("invalid PROXY protocol header: invalid protocol " + protocol);
        }
        return Outcome.proxied(length, source, sourcePort);
    }

    private static Outcome readV2(ByteBuf in, int start) {
        if (in.readableBytes() < V2_SIGNATURE.length) {
            return Outcome.MORE;
        }
        if (!startsWith(in, start, V2_SIGNATURE, V2_SIGNATURE.length)) {
            return Outcome.failed("invalid PROXY protocol header: invalid signature");
        }
        if (in.readableBytes() < V2_FIXED) {
            return Outcome.MORE;
        }
        int versionAndCommand = in.getUnsignedByte(start + 12);
        int familyAndProtocol = in.getUnsignedByte(start + 13);
        int addressLength = in.getUnsignedShort(start + 14);
        int version = versionAndCommand & 0xF0;
        int command = versionAndCommand & 0x0F;
        int family = familyAndProtocol & 0xF0;
        if (version != 0x20) {
            return Outcome.failed(String.format("invalid PROXY protocol header: invalid version 0x%02x", version));
        }
        if (command == 0x00) {
            return whole(in, addressLength, Outcome.header(V2_FIXED + addressLength));
        }
        if (command != 0x01) {
            return Outcome.failed(String.format("unknown PROXY protocol command: 0x%02x", command));
        }
        if ((familyAndProtocol & 0x0F) != 0x01) {
            return Outcome.failed("unsupported PROXY protocol feature: only STREAM protocol supported");
        }
        return switch (family) {
            case 0x10 -> address(in, start, addressLength, 4);
            case 0x20 -> address(in, start, addressLength, 16);
            case 0x00 -> whole(in, addressLength, Outcome.header(V2_FIXED + addressLength));
            default -> Outcome.failed(String.format(
                    "unsupported PROXY protocol feature: unsupported address family 0x%02x", family));
        };
    }

    /** The source of a v2 PROXY command; the destination, and any TLVs after it, are skipped as nats-server does. */
    private static Outcome address(ByteBuf in, int start, int addressLength, int ipBytes) {
        int minimum = 2 * ipBytes + 4;
        if (addressLength < minimum) {
            return Outcome.failed((ipBytes == 4 ? "IPv4" : "IPv6") + " address data too short: " + addressLength
                    + " bytes");
        }
        if (in.readableBytes() < V2_FIXED + addressLength) {
            return Outcome.MORE;
        }
        byte[] source = new byte[ipBytes];
        in.getBytes(start + V2_FIXED, source);
        int port = in.getUnsignedShort(start + V2_FIXED + 2 * ipBytes);
        try {
            return Outcome.proxied(V2_FIXED + addressLength, InetAddress.getByAddress(source), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Outcome whole(ByteBuf in, int addressLength, Outcome outcome) {
        return in.readableBytes() < V2_FIXED + addressLength ? Outcome.MORE : outcome;
    }

    private static boolean startsWith(ByteBuf in, int start, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (in.getByte(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The few pieces of Go's text handling whose results the v1 header's errors show. */
    static final class GoText {

        private GoText() {
        }

        /** Go's {@code strings.Fields}: split around runs of Unicode white space. */
        static List<String> fields(String text) {
            List<String> fields = new ArrayList<>();
            int begin = -1;
            for (int i = 0; i < text.length(); i++) {
                if (isSpace(text.charAt(i))) {
                    if (begin >= 0) {
                        fields.add(text.substring(begin, i));
                        begin = -1;
                    }
                } else if (begin < 0) {
                    begin = i;
                }
            }
            if (begin >= 0) {
                fields.add(text.substring(begin));
            }
            return fields;
        }

        /** Go's {@code unicode.IsSpace}. */
        private static boolean isSpace(char c) {
            return c == ' ' || c >= '\t' && c <= '\r' || c == '\u0085' || c == '\u00A0' || c == '\u2028'
                    || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
        }

        /** Go's {@code net.ParseIP}; null where it fails. Never a name lookup: the address is built from bytes. */
        static InetAddress parseIp(String text) {
            byte[] address = GoIpAddresses.parse(text);
            try {
                return address == null ? null : InetAddress.getByAddress(address);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        /** Go's {@code strconv.ParseUint(text, 10, 16)}; -1 where it fails. */
        static int parsePort(String text) {
            if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            String digits = text.replaceFirst("^0+(?=.)", "");
            return digits.length() > 5 || Integer.parseInt(digits) > 0xFFFF ? -1 : Integer.parseInt(digits);
        }

        /** The error Go's {@code strconv.ParseUint(text, 10, 16)} gives for a port that {@link #parsePort} refused. */
        static String portError(String text) {
            boolean digits = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
            return "strconv.ParseUint: parsing " + GoStrings.quote(text) + ": "
                    + (digits ? "value out of range" : "invalid syntax");
        }
    }
}
