package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** nats-server's TLS rate counter: so many handshakes per one-second window, the window opened by an attempt. */
class HandshakeRateLimitTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final HandshakeRateLimit limit = new HandshakeRateLimit(2, now::get);

    @Test
    void allowsTheLimitPerWindowAndAFreshWindowAfterASecond() {
        assertThat(limit.allow()).isTrue();
        now.addAndGet(100_000_000L);
        assertThat(limit.allow()).isTrue();
        assertThat(limit.allow()).isFalse();
        now.addAndGet(899_000_000L);
        assertThat(limit.allow()).as("still within the window").isFalse();
        now.addAndGet(2_000_000L);
        assertThat(limit.allow()).as("the next window").isTrue();
        assertThat(limit.allow()).isTrue();
        assertThat(limit.allow()).isFalse();
    }
}
