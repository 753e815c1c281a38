package io.natrium.domain.jwt;

/**
 * What the trusted proxies said of a client the auth callout decides (nats-server's {@code proxyRequired} and
 * {@code trustedProxy} handed to {@code processClientOrLeafCallout}): a granted user JWT with {@code proxy_required},
 * or a client whose own user already required a proxy, is let in only when a trusted proxy vouched for it.
 *
 * @param required whether the client's configured user (or user JWT) required a proxy that did not vouch
 * @param vouched  whether a trusted proxy vouched for the client
 */
public record CalloutProxy(boolean required, boolean vouched) {

    /** No trusted proxy vouched and nothing required one: a granted user JWT requiring one is refused. */
    public static final CalloutProxy NONE = new CalloutProxy(false, false);

    /** Whether the grant of {@code userJwt} is to be refused as {@code proxy connection required}. */
    boolean refuses(String userJwt) {
        return !vouched && (required || ProxyRequirement.of(userJwt));
    }
}
