package io.natrium.adapter.tcp.archfixture;

import io.netty.channel.ChannelInboundHandlerAdapter;

/** Deliberately bad: a Netty handler whose name hides its role. */
public class InboundThing extends ChannelInboundHandlerAdapter {
}
