package io.natrium.domain.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final String NONCE = "dGhpc2lzYW5vbmNl";

    private final NKeySeed first = NKeySeed.generate(NKeyType.USER);
    private final NKeySeed second = NKeySeed.generate(NKeyType.USER);
    private final TrustedProxies proxies = TrustedProxies.of(
            List.of(first.publicKey().encoded(), second.publicKey().encoded()));

    private static String proxySig(NKeySeed seed, String nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(seed.sign(nonce.getBytes(UTF_8)));
    }

    @Test
    void theTrustedKeyThatVerifiesTheNonceNamesTheProxy() {
        assertThat(proxies.check(proxySig(first, NONCE), NONCE))
                .isEqualTo(new ProxyVouch.Trusted(first.publicKey().encoded()));
        assertThat(proxies.check(proxySig(second, NONCE), NONCE))
                .isEqualTo(new ProxyVouch.Trusted(second.publicKey().encoded()));
    }

    @Test
    void aSignatureOfAnotherKeyOrAnotherNonceIsNotTrusted() {
        NKeySeed stranger = NKeySeed.generate(NKeyType.USER);

        assertThat(proxies.check(proxySig(stranger, NONCE), NONCE)).isEqualTo(new ProxyVouch.NotTrusted(""));
        assertThat(proxies.check(proxySig(first, "anothernonce"), NONCE)).isEqualTo(new ProxyVouch.NotTrusted(""));
        assertThat(proxies.check(proxySig(first, NONCE), null)).isEqualTo(new ProxyVouch.NotTrusted(""));
    }

    @Test
    void onlyUnpaddedBase64UrlIsASignatureAsGosRawUrlEncoding() {
        String padded = Base64.getUrlEncoder().encodeToString(first.sign(NONCE.getBytes(UTF_8)));
        ProxyVouch notBase64 = new ProxyVouch.NotTrusted("Proxy signature not valid base64");

        assertThat(padded).endsWith("==");
        assertThat(proxies.check(padded, NONCE)).isEqualTo(notBase64);
        assertThat(proxies.check("not base64!", NONCE)).isEqualTo(notBase64);
        assertThat(proxies.check("ab+/", NONCE)).isEqualTo(notBase64);
        assertThat(proxies.check("AAAA", NONCE)).isEqualTo(new ProxyVouch.NotTrusted(""));
    }

    @Test
    void withoutASignatureOrWithoutTrustedProxiesTheClientIsDirect() {
        assertThat(proxies.check("", NONCE)).isEqualTo(new ProxyVouch.Direct());
        assertThat(proxies.check(null, NONCE)).isEqualTo(new ProxyVouch.Direct());
        assertThat(TrustedProxies.none().check(proxySig(first, NONCE), NONCE)).isEqualTo(new ProxyVouch.Direct());
        assertThat(TrustedProxies.of(List.of()).any()).isFalse();
        assertThat(proxies.any()).isTrue();
    }

    @Test
    void aKeyThatIsNotAPublicNKeyIsRefusedAsNatsServersValidateProxies() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("bad")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy trusted key \"bad\" is invalid");
    }
}
