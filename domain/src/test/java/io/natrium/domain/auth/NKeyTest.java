package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NKeyTest {

    /** A server id printed by nats-server 2.9.10 at start-up. */
    private static final String SERVER_ID = "NAZILSWIQ5Z7AVHVQ77D3N7ZGCLWHAN26L4GPCT27LIBLOIV4NR5ESDU";

    @Test
    void parsesAnIdPrintedByNatsServer() {
        NKey key = NKey.parse(SERVER_ID);

        assertThat(key).isNotNull();
        assertThat(key.type()).isEqualTo(NKeyType.SERVER);
        assertThat(key.publicKey()).hasSize(32);
        assertThat(NKey.of(NKeyType.SERVER, key.publicKey()).encoded()).isEqualTo(SERVER_ID);
    }

    @Test
    void encodesEveryTypeWithItsLetterAndRoundTrips() {
        Random random = new Random(3);
        for (NKeyType type : NKeyType.values()) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            NKey key = NKey.of(type, raw);

            assertThat(key.encoded()).hasSize(56).startsWith(String.valueOf(type.letter()));
            assertThat(NKey.parse(key.encoded())).isEqualTo(key);
            assertThat(NKey.parse(key.encoded()).publicKey()).isEqualTo(raw);
        }
    }

    @Test
    void rejectsDamagedKeys() {
        char[] damaged = SERVER_ID.toCharArray();
        damaged[20] = damaged[20] == 'A' ? 'B' : 'A';

        assertThat(NKey.parse(new String(damaged))).as("checksum").isNull();
        assertThat(NKey.parse(SERVER_ID.substring(1))).as("length").isNull();
        assertThat(NKey.parse(SERVER_ID.replace('A', '1'))).as("alphabet").isNull();
        assertThat(NKey.parse(null)).isNull();
        assertThatThrownBy(() -> NKey.of(NKeyType.USER, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
