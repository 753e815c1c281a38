package io.natrium.domain.account;

/**
 * How many responses a service export sends per request (nats-server's {@code ServiceRespType}): one, a stream of
 * them, or one response in chunks. It decides how long the reply mapping of a request lives.
 */
public enum ResponseType {
    SINGLETON,
    STREAM,
    CHUNKED
}
