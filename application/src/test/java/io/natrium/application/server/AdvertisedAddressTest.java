package io.natrium.application.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code client_advertise} read as nats-server reads it. */
class AdvertisedAddressTest {

    @ParameterizedTest
    @CsvSource({
        "nats.example:4999, nats.example, 4999",
        "nats.example, nats.example, 4222",
        "10.0.0.1:, 10.0.0.1, 4222",
        "[::1]:5000, ::1, 5000",
        "[::1], ::1, 4222",
        "' spaced:7 ', spaced, 7"})
    void aHostWithOrWithoutItsPort(String text, String host, int port) {
        assertThat(AdvertisedAddress.parse(text, 4222)).isEqualTo(new AdvertisedAddress(host, port));
    }

    @ParameterizedTest
    @CsvSource({"host:abc, abc", "host:4x, 4x"})
    void aPortThatIsNoNumberIsRefusedInNatsServersWords(String text, String port) {
        assertThatThrownBy(() -> AdvertisedAddress.parse(text, 4222)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Error setting server INFO with ClientAdvertise value of " + text
                        + ", err=strconv.Atoi: parsing \"" + port + "\": invalid syntax");
    }
}
