package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ByteArrayMessage.view;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

/**
 * A message to {@code foo}, without reply or headers, whose body copies do what the test says: fail, or record where
 * they were asked to copy to.
 */
record ScriptedBodyMessage(int bodyLength, BodyCopy copy) implements InboundMessage {

    /** What a copy of the body does. */
    @FunctionalInterface
    interface BodyCopy {
        void copy(int offset, byte[] target, int targetOffset, int length);
    }

    /** A body that cannot be read from {@code failFrom} on: the frame fails after its control line is written. */
    static ScriptedBodyMessage failingFrom(int bodyLength, int failFrom) {
        return new ScriptedBodyMessage(bodyLength, (offset, target, targetOffset, length) -> {
            if (offset >= failFrom) {
                throw new IllegalStateException("the body is gone");
            }
        });
    }

    @Override
    public SubjectView subject() {
        return view("foo");
    }

    @Override
    public SubjectView reply() {
        return view("");
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public void copyBody(int offset, byte[] target, int targetOffset, int length) {
        copy.copy(offset, target, targetOffset, length);
    }
}
