package io.natrium.adapter.tls.sealing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Known answers from libsodium 1.0.18's {@code crypto_box_easy} (the box nkeys' {@code Seal} wraps), computed once
 * with the keys and nonces below: what Natrium seals, libsodium opens, and the other way round.
 */
class NkeysSealingTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ALICE_SECRET = range(1, 32);
    private static final String ALICE_PUBLIC = curve("07a37cbc142093c8b755dc1b10e86cb426374ad16aa853ed0bdfc0b2b86d1c7c");
    private static final String BOB_PUBLIC = curve("5714769d116bf76436ae74bc793d2c30ad1903c59ac5273805c7e2698b410c36");
    private static final byte[] MESSAGE = "hello, callout".getBytes(US_ASCII);
    private static final byte[] ALICE_NONCE = range(200, 24);
    private static final String ALICE_TO_BOB = "2c7f7043b2ffb1442897a76ba9e830bbaedf5e3981953bb152d54e4c967a";
    private static final byte[] BOB_NONCE = range(50, 24);
    private static final String BOB_TO_ALICE = "900cf51c64ac7cbc1155081c11dfa96531f18e1fe8665311b3eb1664745a";

    @Test
    void sealsAsLibsodiumBoxesBehindTheVersionAndNonce() {
        NkeysSealing alice = new NkeysSealing(scripted(ALICE_SECRET, ALICE_NONCE));

        assertThat(alice.publicKey()).isEqualTo(ALICE_PUBLIC);
        assertThat(HEX.formatHex(alice.seal(MESSAGE, BOB_PUBLIC)))
                .isEqualTo(HEX.formatHex("xkv1".getBytes(US_ASCII)) + HEX.formatHex(ALICE_NONCE) + ALICE_TO_BOB);
    }

    @Test
    void opensWhatLibsodiumSealed() {
        NkeysSealing alice = new NkeysSealing(scripted(ALICE_SECRET));

        assertThat(alice.open(sealed(BOB_NONCE, BOB_TO_ALICE), BOB_PUBLIC)).isEqualTo(MESSAGE);
    }

    @Test
    void refusesForgedTruncatedOrForeignBoxesWithNkeysTexts() {
        NkeysSealing alice = new NkeysSealing(scripted(ALICE_SECRET));
        byte[] forged = sealed(BOB_NONCE, BOB_TO_ALICE);
        forged[forged.length - 1] ^= 1;
        byte[] otherVersion = sealed(BOB_NONCE, BOB_TO_ALICE);
        otherVersion[3] = '2';

        assertThatThrownBy(() -> alice.open(forged, BOB_PUBLIC)).hasMessage("nkeys: could not decrypt input");
        assertThatThrownBy(() -> alice.open(sealed(BOB_NONCE, BOB_TO_ALICE), ALICE_PUBLIC))
                .hasMessage("nkeys: could not decrypt input");
        assertThatThrownBy(() -> alice.open(otherVersion, BOB_PUBLIC))
                .hasMessage("nkeys: encrypted input wrong version");
        assertThatThrownBy(() -> alice.open(new byte[28], BOB_PUBLIC))
                .hasMessage("nkeys: encrypted input is not valid");
        assertThatThrownBy(() -> alice.open(sealed(BOB_NONCE, BOB_TO_ALICE), "UBAD"))
                .hasMessage("nkeys: not a valid sender public curve key");
        assertThatThrownBy(() -> alice.seal(MESSAGE, "XBAD"))
                .hasMessage("nkeys: not a valid recipient public curve key");
    }

    @Test
    void twoServersKeysOpenEachOthersBoxes() {
        NkeysSealing one = new NkeysSealing(new SecureRandom());
        NkeysSealing other = new NkeysSealing(new SecureRandom());

        assertThat(other.open(one.seal(MESSAGE, other.publicKey()), one.publicKey())).isEqualTo(MESSAGE);
        assertThat(one.seal(MESSAGE, other.publicKey())).isNotEqualTo(one.seal(MESSAGE, other.publicKey()));
    }

    private static byte[] sealed(byte[] nonce, String box) {
        return HEX.parseHex(HEX.formatHex("xkv1".getBytes(US_ASCII)) + HEX.formatHex(nonce) + box);
    }

    private static String curve(String hex) {
        return NKey.of(NKeyType.CURVE, HEX.parseHex(hex)).encoded();
    }

    private static byte[] range(int first, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    /** Hands out the given bytes, one array per request, in order. */
    private static SecureRandom scripted(byte[]... values) {
        Deque<byte[]> queue = new ArrayDeque<>(List.of(values));
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                byte[] next = queue.pop();
                System.arraycopy(next, 0, bytes, 0, bytes.length);
            }
        };
    }
}
