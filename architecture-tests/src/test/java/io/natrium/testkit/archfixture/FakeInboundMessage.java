package io.natrium.testkit.archfixture;

import io.natrium.adapter.protocol.archfixture.PooledInboundMessage;

/** Allowed: a test fake never runs in production, so it does not count against the two implementations. */
public class FakeInboundMessage extends PooledInboundMessage {
}
