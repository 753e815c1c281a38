package io.natrium.adapter.tls.sealing;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's {@code crypto_box_beforenm}: the HSalsa20 of a curve25519 shared secret under a zero nonce, the key a box
 * is sealed with. Bouncy Castle has HSalsa20 only inside its XSalsa20 engine, which derives exactly this sub-key when
 * keyed with the secret and a nonce whose first 16 bytes are zero; it is read from the engine's state (words 1 to
 * 4 and 11 to 14, where XSalsa20 puts the sub-key it goes on with) instead of computed here.
 */
final class BeforeNmKey extends XSalsa20Engine {

    private static final int[] KEY_WORDS = {1, 2, 3, 4, 11, 12, 13, 14};

    private BeforeNmKey() {
    }

    static byte[] of(byte[] sharedSecret) {
        BeforeNmKey engine = new BeforeNmKey();
        engine.init(true, new ParametersWithIV(new KeyParameter(sharedSecret), new byte[24]));
        byte[] key = new byte[32];
        for (int i = 0; i < KEY_WORDS.length; i++) {
            int word = engine.engineState[KEY_WORDS[i]];
            key[4 * i] = (byte) word;
            key[4 * i + 1] = (byte) (word >>> 8);
            key[4 * i + 2] = (byte) (word >>> 16);
            key[4 * i + 3] = (byte) (word >>> 24);
        }
        return key;
    }
}
