package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.List;

/** {@link WireInboundMessage}s as the decoder leaves them, for tests that deliver without a decoder. */
final class WireMessages {

    private WireMessages() {
    }

    /**
     * A message whose arguments are in a control-line array and whose body is in a buffer, the sizes written as
     * plain decimals; the buffer is added to {@code sources} for the caller to release.
     */
    static WireInboundMessage of(String subject, String reply, byte[] headers, byte[] payload, List<ByteBuf> sources) {
        String headerSize = headers.length > 0 ? String.valueOf(headers.length) : "";
        return of(subject, reply, headerSize, String.valueOf(headers.length + payload.length), headers, payload,
                sources);
    }

    /** The same with the size arguments as the publisher wrote them: {@code "005"} repeats as {@code 005}. */
    static WireInboundMessage of(String subject, String reply, String headerSize, String totalSize, byte[] headers,
            byte[] payload, List<ByteBuf> sources) {
        byte[] line = bytes(subject + reply + headerSize + totalSize);
        ByteBuf source = Unpooled.buffer().writeBytes(headers).writeBytes(payload);
        sources.add(source);
        WireInboundMessage message = new WireInboundMessage();
        message.setSubject(line, 0, subject.length());
        message.setReply(line, subject.length(), reply.length());
        int sizes = subject.length() + reply.length();
        message.setSizeTexts(line, sizes, headerSize.length(), sizes + headerSize.length(), totalSize.length());
        message.setSizes(headers.length, headers.length + payload.length);
        message.setBody(source, 0);
        return message;
    }
}
