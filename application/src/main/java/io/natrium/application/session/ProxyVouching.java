package io.natrium.application.session;

import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ProxyVouch;
import io.natrium.domain.auth.TrustedProxies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's {@code proxyCheck} before every decision on a client, at CONNECT and after a reload: a
 * {@code proxy_sig} a trusted proxy made of the client's nonce vouches for it (its key shows in /connz as
 * {@code proxy}), one no trusted key verifies refuses it, and so does a reload that removed the key of the proxy
 * that vouched for it (nats-server's {@code proxiesReload}), both as {@code Proxy Not Trusted}.
 */
final class ProxyVouching {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private ProxyVouching() {
    }

    /**
     * The credentials as the trusted proxies take them: vouched for, or as they are for a client no proxy signed
     * for; null when the client is to be refused.
     */
    static ClientCredentials vouch(ClientConnection connection, TrustedProxies proxies, String nonce,
            ClientCredentials credentials) {
        ClientOptions options = connection.options();
        ProxyVouch vouch = proxies.check(options.proxySig, nonce);
        if (vouch instanceof ProxyVouch.Trusted trusted) {
            if (!trusted.key().equals(options.proxyKey)) {
                options.proxyKey = trusted.key();
                connection.optionsChanged();
            }
            return credentials.withTrustedProxy(true);
        }
        if (vouch instanceof ProxyVouch.NotTrusted notTrusted) {
            if (!notTrusted.why().isEmpty()) {
                LOG.debug("{} - {}", connection, notTrusted.why());
            }
        } else if (options.proxyKey.isEmpty()) {
            return credentials;
        }
        LOG.debug("{} - {}", connection, TrustedProxies.NOT_TRUSTED);
        return null;
    }
}
