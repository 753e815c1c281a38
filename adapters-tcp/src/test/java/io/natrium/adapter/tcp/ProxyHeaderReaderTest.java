package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.tcp.ProxyHeaderReader.Outcome;
import io.natrium.adapter.tcp.ProxyHeaderReader.Outcome.Kind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HAProxy's PROXY protocol headers as nats-server's {@code proxy_protocol} reads them (its client_proxyproto.go). */
class ProxyHeaderReaderTest {

    private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    @Test
    void readsAVersionOneHeaderAndLeavesWhatFollows() {
        ByteBuf in = text("PROXY TCP4 192.0.2.7 10.0.0.1 51234 4222\r\nCONNECT {}\r\n");

        Outcome outcome = ProxyHeaderReader.read(in);

        assertThat(outcome.kind()).isEqualTo(Kind.HEADER);
        assertThat(outcome.host()).isEqualTo("192.0.2.7");
        assertThat(outcome.port()).isEqualTo(51234);
        assertThat(outcome.length()).isEqualTo("PROXY TCP4 192.0.2.7 10.0.0.1 51234 4222\r\n".length());
        assertThat(in.readerIndex()).as("nothing consumed").isZero();
    }

    @Test
    void readsVersionOneIpv6AndIpv4MappedSourcesAsGoPrintsThem() {
        assertThat(ProxyHeaderReader.read(text("PROXY TCP6 2001:db8:0:0:0:0:0:1 ::1 1 2\r\n")).host())
                .isEqualTo("2001:db8::1");
        assertThat(ProxyHeaderReader.read(text("PROXY TCP6 ::ffff:192.0.2.9 ::1 1 2\r\n")).host())
                .isEqualTo("192.0.2.9");
    }

    @Test
    void anUnknownVersionOneHeaderIsAHealthCheckThatNamesNobody() {
        Outcome outcome = ProxyHeaderReader.read(text("PROXY UNKNOWN whatever follows\r\nPING\r\n"));

        assertThat(outcome.kind()).isEqualTo(Kind.HEADER);
        assertThat(outcome.names()).isFalse();
        assertThat(outcome.length()).isEqualTo("PROXY UNKNOWN whatever follows\r\n".length());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "PROXY ~|invalid PROXY protocol header: invalid v1 format",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1~|invalid PROXY protocol header: invalid v1 format",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3~|invalid PROXY protocol header: invalid v1 format",
        "PROXY TCP4 1.2.3 5.6.7.8 1 2~|invalid PROXY protocol header: invalid address",
        "PROXY TCP4 01.2.3.4 5.6.7.8 1 2~|invalid PROXY protocol header: invalid address",
        "PROXY TCP4 1.2.3.4 example.com 1 2~|invalid PROXY protocol header: invalid address",
        "PROXY TCP4 1.2.3.4 5.6.7.8 x 2~|invalid source port: strconv.ParseUint: parsing \"x\": invalid syntax",
        "PROXY TCP4 1.2.3.4 5.6.7.8 -1 2~|invalid source port: strconv.ParseUint: parsing \"-1\": invalid syntax",
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 70000~|invalid dest port: strconv.ParseUint: parsing \"70000\": "
                + "value out of range",
        "PROXY TCP4 ::1 5.6.7.8 1 2~|invalid PROXY protocol header: TCP4 with IPv6 address",
        "PROXY TCP6 1.2.3.4 ::1 1 2~|invalid PROXY protocol header: TCP6 with IPv4 address",
        "PROXY UDP4 1.2.3.4 5.6.7.8 1 2~|invalid PROXY protocol header: invalid protocol UDP4",
    })
    void refusesVersionOneHeadersWithNatsServersErrors(String header, String error) {
        // CSV cannot hold a line end: ~ stands for it.
        Outcome outcome = ProxyHeaderReader.read(text(header.replace("~", "\r\n")));

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(outcome.error()).isEqualTo(error);
    }

    @Test
    void quotesABadPortAsGoDoesAlsoWhenItIsNotUtf8() {
        Outcome outcome = ProxyHeaderReader.read(text("PROXY TCP4 1.2.3.4 5.6.7.8 \u00ff\"1 2\r\n"));

        assertThat(outcome.error())
                .isEqualTo("invalid source port: strconv.ParseUint: parsing \"\\xff\\\"1\": invalid syntax");
    }

    @Test
    void aVersionOneLineMustEndWithin107Bytes() {
        String longest = "PROXY UNKNOWN " + "x".repeat(107 - "PROXY UNKNOWN ".length() - 2) + "\r\n";
        assertThat(longest).hasSize(107);
        assertThat(ProxyHeaderReader.read(text(longest)).kind()).isEqualTo(Kind.HEADER);

        String tooLong = "PROXY UNKNOWN " + "x".repeat(107 - "PROXY UNKNOWN ".length() - 1) + "\r\n";
        Outcome outcome = ProxyHeaderReader.read(text(tooLong));
        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(outcome.error()).isEqualTo("invalid PROXY protocol header: v1 line too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PROX", "PROXY TCP4 1.2.3.4 5.6", "\r\n\r\n\0", "\r\n\r\n\0\r\nQU"})
    void waitsForMoreWhileAHeaderMayStillCome(String start) {
        assertThat(ProxyHeaderReader.read(text(start)).kind()).isEqualTo(Kind.MORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECT {}\r\n", "PING\r\n", "\u0016\u0003\u0001\u0002\u0000\u0001", "PROXYX "})
    void aClientWithoutAHeaderKeepsItsBytes(String start) {
        Outcome outcome = ProxyHeaderReader.read(text(start));

        assertThat(outcome.kind()).isEqualTo(Kind.NO_HEADER);
        assertThat(outcome.length()).isZero();
    }

    @Test
    void readsAVersionTwoIpv4HeaderSkippingItsTlvs() {
        ByteBuf in = v2(0x21, 0x11, new byte[] {(byte) 192, 0, 2, 7, 10, 0, 0, 1, (byte) 0xC8, 0x22, 0x10, (byte) 0x7E,
            0x03, 0x00, 0x04, 1, 2, 3, 4});
        in.writeBytes("PING\r\n".getBytes(StandardCharsets.US_ASCII));

        Outcome outcome = ProxyHeaderReader.read(in);

        assertThat(outcome.kind()).isEqualTo(Kind.HEADER);
        assertThat(outcome.host()).isEqualTo("192.0.2.7");
        assertThat(outcome.port()).isEqualTo(0xC822);
        assertThat(outcome.length()).isEqualTo(16 + 19);
    }

    @Test
    void readsAVersionTwoIpv6Header() {
        ByteBuffer address = ByteBuffer.allocate(36);
        address.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5});
        address.put(new byte[16]);
        address.putShort((short) 40000).putShort((short) 4222);

        Outcome outcome = ProxyHeaderReader.read(v2(0x21, 0x21, address.array()));

        assertThat(outcome.host()).isEqualTo("2001:db8::5");
        assertThat(outcome.port()).isEqualTo(40000);
    }

    @Test
    void localAndUnspecifiedVersionTwoHeadersNameNobody() {
        Outcome local = ProxyHeaderReader.read(v2(0x20, 0x00, new byte[] {9, 9, 9}));
        Outcome unspecified = ProxyHeaderReader.read(v2(0x21, 0x01, new byte[0]));

        assertThat(local.kind()).isEqualTo(Kind.HEADER);
        assertThat(local.names()).isFalse();
        assertThat(local.length()).isEqualTo(19);
        assertThat(unspecified.kind()).isEqualTo(Kind.HEADER);
        assertThat(unspecified.names()).isFalse();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "0x11|0x11|invalid PROXY protocol header: invalid version 0x10",
        "0x22|0x11|unknown PROXY protocol command: 0x02",
        "0x21|0x12|unsupported PROXY protocol feature: only STREAM protocol supported",
        "0x21|0x00|unsupported PROXY protocol feature: only STREAM protocol supported",
        "0x21|0x31|unsupported PROXY protocol feature: unsupported address family 0x30",
        "0x21|0x11|IPv4 address data too short: 11 bytes",
        "0x21|0x21|IPv6 address data too short: 11 bytes",
    })
    void refusesVersionTwoHeadersWithNatsServersErrors(String versionAndCommand, String familyAndProtocol,
            String error) {
        Outcome outcome = ProxyHeaderReader.read(v2(Integer.decode(versionAndCommand),
                Integer.decode(familyAndProtocol), new byte[11]));

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(outcome.error()).isEqualTo(error);
    }

    @Test
    void aVersionTwoSignatureMustBeWhole() {
        ByteBuf in = Unpooled.buffer().writeBytes(SIGNATURE, 0, 6).writeBytes("QUIT\n".getBytes());
        in.writeByte('!');

        assertThat(ProxyHeaderReader.read(in).error()).isEqualTo("invalid PROXY protocol header: invalid signature");
    }

    @Test
    void namesWhereAHeaderCutShortStoppedAsGoDoes() {
        assertThat(ProxyHeaderReader.incomplete(text(""), "EOF", true))
                .isEqualTo("failed to read protocol version: EOF");
        assertThat(ProxyHeaderReader.incomplete(text("PRO"), "EOF", true))
                .isEqualTo("failed to read protocol version: unexpected EOF");
        assertThat(ProxyHeaderReader.incomplete(text("PRO"), "read tcp a->b: i/o timeout", false))
                .isEqualTo("failed to read protocol version: read tcp a->b: i/o timeout");
        assertThat(ProxyHeaderReader.incomplete(text("PROXY TCP4 1.2"), "EOF", true))
                .isEqualTo("failed to read v1 line: EOF");
        assertThat(ProxyHeaderReader.incomplete(Unpooled.wrappedBuffer(SIGNATURE, 0, 8), "EOF", true))
                .isEqualTo("failed to read v2 signature: unexpected EOF");
        assertThat(ProxyHeaderReader.incomplete(Unpooled.wrappedBuffer(SIGNATURE), "EOF", true))
                .isEqualTo("failed to read v2 header: EOF");
        ByteBuf cut = v2(0x21, 0x11, new byte[12]);
        cut.writerIndex(20);
        assertThat(ProxyHeaderReader.incomplete(cut, "EOF", true))
                .isEqualTo("failed to read IPv4 address data: unexpected EOF");
        ByteBuf local = v2(0x20, 0x00, new byte[4]);
        local.writerIndex(18);
        assertThat(ProxyHeaderReader.incomplete(local, "EOF", true))
                .isEqualTo("failed to discard LOCAL command address data: EOF");
    }

    private static ByteBuf text(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ByteBuf v2(int versionAndCommand, int familyAndProtocol, byte[] address) {
        return Unpooled.buffer().writeBytes(SIGNATURE).writeByte(versionAndCommand).writeByte(familyAndProtocol)
                .writeShort(address.length).writeBytes(address);
    }
}
