package io.natrium.application.archfixture;

import io.netty.buffer.Unpooled;

/** Deliberately bad: the application touching Netty. */
public class ApplicationUsingNetty {
    public Object buffer() {
        return Unpooled.buffer();
    }
}
