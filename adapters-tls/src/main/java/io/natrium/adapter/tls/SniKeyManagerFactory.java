package io.natrium.adapter.tls;

import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.util.SimpleKeyManagerFactory;

import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;

/**
 * Hands BoringSSL the server's certificates through {@link SniKeyManager}, each converted to BoringSSL's form once.
 * Given a bare key manager, Netty cannot know its answers never change, so it encodes the chosen chain and key as
 * PEM and has BoringSSL parse them again at every handshake (resumed ones too); its caching factory keeps them per
 * alias. A listener's certificates are fixed for the life of its context (a reload builds a new one), so the cache
 * is always right.
 */
final class SniKeyManagerFactory extends SimpleKeyManagerFactory {

    private final KeyManager[] managers;

    private SniKeyManagerFactory(SniKeyManager manager) {
        this.managers = new KeyManager[] {manager};
    }

    /** The factory of a BoringSSL context whose key material is converted once per certificate. */
    static KeyManagerFactory caching(SniKeyManager manager) {
        return new OpenSslCachingX509KeyManagerFactory(new SniKeyManagerFactory(manager));
    }

    @Override
    protected void engineInit(KeyStore keyStore, char[] password) {
        // The certificates were loaded from the tls block already.
    }

    @Override
    protected void engineInit(ManagerFactoryParameters parameters) {
        // As above.
    }

    @Override
    protected KeyManager[] engineGetKeyManagers() {
        return managers.clone();
    }
}
