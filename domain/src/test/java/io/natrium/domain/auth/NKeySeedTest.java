package io.natrium.domain.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NKeySeedTest {

    @Test
    void aSeedOfNatsServersTestsIsTheUserKeyItsConfigurationNames() {
        // nats-server's accounts_test.go configures this user's nkey and signs with its seed.
        NKeySeed seed = NKeySeed.parse("SUAPM67TC4RHQLKBX55NIQXSMATZDOZK6FNEOSS36CAYA7F7TY66LP4BOM");

        assertThat(seed).isNotNull();
        assertThat(seed.publicKey().encoded()).isEqualTo("UCNGL4W5QX66CFX6A6DCBVDH5VOHMI7B2UZZU7TXAUQQSI2JPHULCKBR");
        assertThat(seed.encoded()).isEqualTo("SUAPM67TC4RHQLKBX55NIQXSMATZDOZK6FNEOSS36CAYA7F7TY66LP4BOM");
    }

    @Test
    void aJdkKeysSeedSignsForItsPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] x509 = pair.getPublic().getEncoded();
        NKeySeed seed = NKeySeed.of(NKeyType.ACCOUNT, Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length));
        NKey expected = NKey.of(NKeyType.ACCOUNT, Arrays.copyOfRange(x509, x509.length - 32, x509.length));

        assertThat(seed.publicKey()).isEqualTo(expected);
        assertThat(seed.encoded()).startsWith("SA");
        assertThat(NKeySeed.parse(seed.encoded()).publicKey()).isEqualTo(expected);
        byte[] message = "nonce".getBytes(UTF_8);
        assertThat(NKeySignatures.verify(expected, message, seed.sign(message))).isTrue();
        assertThat(NKeySignatures.verify(expected, "other".getBytes(UTF_8), seed.sign(message))).isFalse();
    }

    @Test
    void aGeneratedKeyIsASeedOfItsTypeThatSignsForItsPublicKeyAndShowsOnlyThatKey() {
        NKeySeed server = NKeySeed.generate(NKeyType.SERVER);
        byte[] message = "nonce".getBytes(UTF_8);

        assertThat(server.publicKey().encoded()).startsWith("N");
        assertThat(server.encoded()).startsWith("SN");
        assertThat(NKeySeed.parse(server.encoded()).publicKey()).isEqualTo(server.publicKey());
        assertThat(NKeySignatures.verify(server.publicKey(), message, server.sign(message))).isTrue();
        assertThat(server.toString()).isEqualTo(server.publicKey().encoded());
        assertThat(NKeySeed.generate(NKeyType.SERVER).publicKey()).isNotEqualTo(server.publicKey());
    }

    @Test
    void whatIsNoSeedIsRefused() {
        String seed = "SUAPM67TC4RHQLKBX55NIQXSMATZDOZK6FNEOSS36CAYA7F7TY66LP4BOM";

        assertThat(NKeySeed.parse(null)).isNull();
        assertThat(NKeySeed.parse("")).isNull();
        assertThat(NKeySeed.parse(seed.substring(0, 57) + "A")).as("checksum").isNull();
        assertThat(NKeySeed.parse(seed.substring(1))).as("length").isNull();
        assertThat(NKeySeed.parse("UCNGL4W5QX66CFX6A6DCBVDH5VOHMI7B2UZZU7TXAUQQSI2JPHULCKBR")).as("a public key")
                .isNull();
        assertThat(NKeySeed.parse(seed.replace('A', '1'))).as("alphabet").isNull();
    }
}
