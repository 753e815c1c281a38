package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses as Go's {@code net.IP.String()} prints them, which is what nats-server puts in INFO and monitoring. */
class HostTextTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "10.20.30.40, 10.20.30.40",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "::1, ::1",
        "::, ::",
        "1::, 1::",
        "2001:db8::1, 2001:db8::1",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
        // A single zero group is not shortened; the longest run of zeros is, the first one on a tie.
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "0:0:1:0:0:0:0:0, 0:0:1::",
        "fe80::1%1, fe80::1",
        // IPv4-compatible (not mapped): Go keeps the IPv6 form.
        "::1.2.3.4, ::102:304"})
    void printsTheShortestForm(String address, String text) throws UnknownHostException {
        assertThat(HostText.of(InetAddress.getByName(address))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"1.2.3.4, 1.2.3.4", "0.0.0.1, 0.0.0.1", "192.168.255.10, 192.168.255.10"})
    void printsAnIpv4MappedIpv6AddressDotted(String ipv4, String text) throws UnknownHostException {
        // Java turns a mapped address it parses into an Inet4Address; a native transport may hand over the bytes.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        Inet6Address address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(HostText.of(address)).isEqualTo(text);
    }
}
