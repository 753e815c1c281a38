package io.natrium.adapter.protocol.archfixture;

/** Deliberately bad, with its two siblings: three production implementations make InboundMessage megamorphic. */
public class CompositeInboundMessage extends PooledInboundMessage {
}
