package io.natrium.domain.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworksContainTheirAddressesAlsoInMappedForm() {
        Cidr network = Cidr.parse("10.1.0.0/16");

        assertThat(network.contains("10.1.200.3")).isTrue();
        assertThat(network.contains("::ffff:10.1.2.3")).isTrue();
        assertThat(network.contains("10.2.0.1")).isFalse();
        assertThat(network.contains("not-an-ip")).isFalse();
    }

    @Test
    void ipv6NetworksContainTheirAddresses() {
        Cidr network = Cidr.parse("2001:db8::/32");

        assertThat(network.contains("2001:db8:1::5")).isTrue();
        assertThat(network.contains("2001:db9::1")).isFalse();
        assertThat(network.contains("10.0.0.1")).isFalse();
        assertThat(Cidr.parse("::1/128").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains("fe80::1:2:3:4")).isTrue();
        // Go reads an IPv4-mapped network as IPv4 with its mask's last 32 bits: this one holds every IPv4 address.
        assertThat(Cidr.parse("::ffff:0:0/96").contains("1.2.3.4")).isTrue();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104").contains("10.9.9.9")).isTrue();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104").contains("11.0.0.1")).isFalse();
    }

    @Test
    void whatGoRefusesIsRefused() {
        assertThat(Cidr.parse("10.0.0.0")).isNull();
        assertThat(Cidr.parse("10.0.0.0/33")).isNull();
        assertThat(Cidr.parse("10.0.0/8")).isNull();
        assertThat(Cidr.parse("010.0.0.0/8")).isNull();
        assertThat(Cidr.parse("10.0.0.0/08")).isNull();
        assertThat(Cidr.parse("localhost/8")).isNull();
        assertThat(Cidr.parse("::1/129")).isNull();
        assertThat(Cidr.parse("1::2::3/64")).isNull();
        assertThat(Cidr.parse("12345::/64")).isNull();
        assertThat(Cidr.parse("1:2:3:4:5:6:7/64")).isNull();
        assertThat(Cidr.parse("1:2:3:4:5:6:7:8:9/64")).isNull();
        assertThat(Cidr.parse("fe80::1%eth0/64")).isNull();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104")).isNotNull();
        assertThat(Cidr.parse("0.0.0.0/0")).isNotNull();
    }
}
