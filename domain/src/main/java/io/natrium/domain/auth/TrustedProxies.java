package io.natrium.domain.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The proxies trusted to vouch for the clients they relay ({@code proxies { trusted }}), and nats-server's
 * {@code proxyCheck}: a proxy proves itself by signing the nonce of the server's INFO with its nkey and passing the
 * signature as CONNECT's {@code proxy_sig}, unpadded base64url. The first trusted key that verifies it names the
 * proxy; a signature none verifies is refused, while a client without one is simply not proxied.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    /** nats-server's debug line when the signature cannot be verified, {@code ErrAuthProxyNotTrusted}. */
    public static final String NOT_TRUSTED = "proxy is not trusted";

    private final List<NKey> keys;

    private TrustedProxies(List<NKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /** The proxies of these public keys, which the configuration has checked; one that is not a key is refused. */
    public static TrustedProxies of(List<String> publicKeys) {
        List<NKey> keys = new ArrayList<>(publicKeys.size());
        for (String encoded : publicKeys) {
            NKey key = NKey.parse(encoded);
            if (key == null) {
                throw new IllegalArgumentException("proxy trusted key \"" + encoded + "\" is invalid");
            }
            keys.add(key);
        }
        return keys.isEmpty() ? NONE : new TrustedProxies(keys);
    }

    /** Whether any proxy is trusted: INFO then carries a nonce for it to sign (nats-server's nonceRequired). */
    public boolean any() {
        return !keys.isEmpty();
    }

    /**
     * Checks a CONNECT's {@code proxy_sig} against the nonce its INFO carried.
     *
     * @param proxySig the client's {@code proxy_sig}; "" or null when it sent none
     * @param nonce    the INFO's nonce; null when none was sent (then no signature can be verified)
     */
    public ProxyVouch check(String proxySig, String nonce) {
        if (proxySig == null || proxySig.isEmpty() || keys.isEmpty()) {
            return new ProxyVouch.Direct();
        }
        byte[] signature = decode(proxySig);
        if (signature == null) {
            return new ProxyVouch.NotTrusted("Proxy signature not valid base64");
        }
        byte[] message = nonce == null ? new byte[0] : nonce.getBytes(StandardCharsets.UTF_8);
        for (NKey key : keys) {
            if (NKeySignatures.verify(key, message, signature)) {
                return new ProxyVouch.Trusted(key.encoded());
            }
        }
        return new ProxyVouch.NotTrusted("");
    }

    /** Go's {@code RawURLEncoding}: no padding accepted; null when not that encoding. */
    private static byte[] decode(String text) {
        if (text.indexOf('=') >= 0) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
