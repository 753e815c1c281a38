package io.natrium.adapter.protocol.archfixture;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

/** An abstract base of the fixtures below: not a receiver class itself, so not counted. */
public abstract class PooledInboundMessage implements InboundMessage {

    @Override
    public SubjectView subject() {
        return null;
    }

    @Override
    public SubjectView reply() {
        return null;
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public int bodyLength() {
        return 0;
    }

    @Override
    public void copyBody(int offset, byte[] target, int targetOffset, int length) {
    }
}
