package io.natrium.domain.auth;

/** What {@link TrustedProxies#check} found of a client's {@code proxy_sig}. */
public sealed interface ProxyVouch {

    /** No signature, or no proxy is trusted: the client is taken as connected directly. */
    record Direct() implements ProxyVouch {
    }

    /** The trusted proxy of public key {@code key} signed the client's nonce. */
    record Trusted(String key) implements ProxyVouch {
    }

    /**
     * A signature no trusted key verifies; {@code why} is nats-server's debug line before its
     * {@link TrustedProxies#NOT_TRUSTED}, "" when there is none.
     */
    record NotTrusted(String why) implements ProxyVouch {
    }
}
