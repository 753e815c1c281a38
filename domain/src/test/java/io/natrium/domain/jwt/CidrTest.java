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
        assertThat(Cidr.parse("0.0.0.0/0")).isNotNull();
    }
}
