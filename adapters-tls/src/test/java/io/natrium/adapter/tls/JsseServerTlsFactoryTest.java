package io.natrium.adapter.tls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link ServerTlsFactoryTest} on JSSE, the provider where BoringSSL cannot load: the same handshakes and the same Go
 * words. JSSE is chosen as an operator chooses it, with {@code -Dnatrium.tls.provider=jdk}.
 */
class JsseServerTlsFactoryTest extends ServerTlsFactoryTest {

    @BeforeEach
    void onJsse() {
        System.setProperty(BoringSsl.PROVIDER_PROPERTY, "jdk");
    }

    @AfterEach
    void backToTheDefault() {
        System.clearProperty(BoringSsl.PROVIDER_PROPERTY);
    }

    @Override
    boolean onBoringSsl() {
        return false;
    }
}
