package io.natrium.domain.archfixture;

import io.netty.buffer.ByteBuf;

/** Deliberately bad: the domain touching Netty. */
public class DomainUsingNetty {
    public int readable(ByteBuf buffer) {
        return buffer.readableBytes();
    }
}
