package io.natrium.domain.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NKeySignaturesTest {

    private static final byte[] NONCE = "Qzxd-Uw4ss1kCA8".getBytes(UTF_8);

    private final Ed25519TestKeys keys = Ed25519TestKeys.generate();

    @Test
    void aSignatureOfTheMessageByTheKeyVerifies() {
        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, keys.sign(NONCE))).isTrue();
    }

    @Test
    void aSignatureOfAnotherMessageFails() {
        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, keys.sign("another".getBytes(UTF_8)))).isFalse();
    }

    @Test
    void aSignatureByAnotherKeyFails() {
        Ed25519TestKeys other = Ed25519TestKeys.generate();

        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, other.sign(NONCE))).isFalse();
    }

    @Test
    void aDamagedOrMisSizedSignatureFails() {
        byte[] signature = keys.sign(NONCE);
        signature[10] ^= 1;

        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, signature)).isFalse();
        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, new byte[63])).isFalse();
        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, new byte[0])).isFalse();
        assertThat(NKeySignatures.verify(keys.nkey(), NONCE, new byte[64])).isFalse();
    }
}
