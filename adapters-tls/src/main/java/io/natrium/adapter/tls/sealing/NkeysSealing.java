package io.natrium.adapter.tls.sealing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.natrium.application.port.out.CurveSealing;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * nkeys' curve key pair ({@code CreateCurveKeys}) and its {@code Seal}/{@code Open}: {@code xkv1}, a random 24-byte
 * nonce, then NaCl's {@code box} (curve25519, XSalsa20, Poly1305: the tag, then the ciphertext), all primitives
 * Bouncy Castle's. Thread-safe: the private key is never changed after construction.
 */
public final class NkeysSealing implements CurveSealing {

    private static final byte[] VERSION = "xkv1".getBytes(US_ASCII);
    private static final int NONCE_LENGTH = 24;
    private static final int TAG_LENGTH = 16;
    private static final int POLY_KEY_LENGTH = 32;

    private final X25519PrivateKeyParameters privateKey;
    private final String publicKey;
    private final SecureRandom random;

    public NkeysSealing(SecureRandom random) {
        this.random = random;
        this.privateKey = new X25519PrivateKeyParameters(random);
        this.publicKey = NKey.of(NKeyType.CURVE, privateKey.generatePublicKey().getEncoded()).encoded();
    }

    @Override
    public String publicKey() {
        return publicKey;
    }

    @Override
    public byte[] seal(byte[] message, String recipient) {
        byte[] key = sharedKey(recipient, "nkeys: not a valid recipient public curve key");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        Box box = Box.of(key, nonce);
        byte[] out = new byte[VERSION.length + NONCE_LENGTH + TAG_LENGTH + message.length];
        System.arraycopy(VERSION, 0, out, 0, VERSION.length);
        System.arraycopy(nonce, 0, out, VERSION.length, NONCE_LENGTH);
        int cipherAt = VERSION.length + NONCE_LENGTH + TAG_LENGTH;
        box.stream().processBytes(message, 0, message.length, out, cipherAt);
        box.tag(out, cipherAt, message.length, out, cipherAt - TAG_LENGTH);
        return out;
    }

    @Override
    public byte[] open(byte[] sealed, String sender) {
        if (sealed.length <= VERSION.length + NONCE_LENGTH) {
            throw new IllegalArgumentException("nkeys: encrypted input is not valid");
        }
        if (!Arrays.equals(sealed, 0, VERSION.length, VERSION, 0, VERSION.length)) {
            throw new IllegalArgumentException("nkeys: encrypted input wrong version");
        }
        byte[] key = sharedKey(sender, "nkeys: not a valid sender public curve key");
        int tagAt = VERSION.length + NONCE_LENGTH;
        int cipherAt = tagAt + TAG_LENGTH;
        if (sealed.length < cipherAt) {
            throw new IllegalArgumentException("nkeys: could not decrypt input");
        }
        Box box = Box.of(key, Arrays.copyOfRange(sealed, VERSION.length, tagAt));
        byte[] expected = new byte[TAG_LENGTH];
        box.tag(sealed, cipherAt, sealed.length - cipherAt, expected, 0);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, tagAt, cipherAt))) {
            throw new IllegalArgumentException("nkeys: could not decrypt input");
        }
        byte[] message = new byte[sealed.length - cipherAt];
        box.stream().processBytes(sealed, cipherAt, message.length, message, 0);
        return message;
    }

    /** {@code crypto_box_beforenm} of this key and the peer's public xkey. */
    private byte[] sharedKey(String peer, String invalid) {
        NKey key = NKey.parse(peer);
        if (key == null || key.type() != NKeyType.CURVE) {
            throw new IllegalArgumentException(invalid);
        }
        byte[] secret = new byte[32];
        try {
            privateKey.generateSecret(new X25519PublicKeyParameters(key.publicKey()), secret, 0);
        } catch (IllegalStateException lowOrderPoint) {
            throw new IllegalArgumentException(invalid, lowOrderPoint);
        }
        return BeforeNmKey.of(secret);
    }

    /**
     * The box's XSalsa20 stream under {@code nonce}: its first 32 bytes are the Poly1305 key, the rest encrypts the
     * message.
     */
    private record Box(XSalsa20Engine stream, byte[] polyKey) {

        static Box of(byte[] key, byte[] nonce) {
            XSalsa20Engine stream = new XSalsa20Engine();
            stream.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
            byte[] polyKey = new byte[POLY_KEY_LENGTH];
            stream.processBytes(new byte[POLY_KEY_LENGTH], 0, POLY_KEY_LENGTH, polyKey, 0);
            return new Box(stream, polyKey);
        }

        void tag(byte[] in, int offset, int length, byte[] out, int outOffset) {
            Poly1305 mac = new Poly1305();
            mac.init(new KeyParameter(polyKey));
            mac.update(in, offset, length);
            mac.doFinal(out, outOffset);
        }
    }
}
