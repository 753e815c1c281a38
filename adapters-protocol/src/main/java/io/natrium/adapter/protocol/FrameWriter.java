package io.natrium.adapter.protocol;

import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;

/**
 * How a delivery looks on the wire: the MSG or HMSG frame of a message (its sizes repeated as the publisher wrote them,
 * as nats-server 2.9.10 does, its headers cut off for a client that takes none) and nats-server's 503 no-responders
 * HMSG, written into the buffer it is given, with an upper bound of each frame's size to make room for first.
 *
 * <p>Apart from {@link OutboundQueue} because it is the one part of the outbound that knows the frame format and
 * nothing else: no lock, channel, credit or close. The outbound decides whether and where a frame goes; this class
 * only writes it, so the exact bytes, the take-back of a frame that fails half-way and the size bound can be tested on
 * a plain buffer. One per outbound, for the copy scratch of bodies that are not in a Netty buffer; used under the
 * outbound's lock, which guards that scratch.
 */
@HotPath
final class FrameWriter implements DeliveryWriter {

    /** Bodies that are not in a Netty buffer are copied through a scratch array of this size. */
    static final int COPY_CHUNK = 8192;
    /** {@code "HMSG "} is the longest operation name a frame starts with. */
    private static final int OPERATION_BOUND = 5;

    /** Guarded by the outbound's lock: a copy buffer for bodies that are not in a Netty buffer, made on first use. */
    private byte[] copyScratch;

    @Override
    public boolean speaksNats() {
        return true;
    }

    @Override
    public byte[] errorFrame(String text) {
        // Never asked: a NATS client gets -ERR from the outbound itself.
        return null;
    }

    @Override
    public int bodyLength(InboundMessage message, boolean withHeaders) {
        return bodyLengthOf(message, withHeaders);
    }

    @Override
    public int messageSize(SubjectView subject, byte[] sid, SubjectView reply, int bodyLength) {
        return sizeOf(subject, sid, reply, bodyLength);
    }

    /** The body bytes a client receives of {@code message}: all, or the payload alone when it takes no headers. */
    static int bodyLengthOf(InboundMessage message, boolean withHeaders) {
        int headerLength = message.headerLength();
        return headerLength > 0 && !withHeaders ? message.bodyLength() - headerLength : message.bodyLength();
    }

    /**
     * At least the bytes {@link #writeMessage} writes for a message whose client receives {@code bodyLength} body
     * bytes: operation, subject, sid, reply, two sizes of at most {@link WireFormat#maxDecimalLength} digits, the
     * separators, the body and both CRLFs (the size fields' spare digits hold the separator of an empty reply
     * field).
     */
    static int sizeOf(SubjectView subject, byte[] sid, SubjectView reply, int bodyLength) {
        return OPERATION_BOUND + subject.length() + 1 + sid.length + 1 + (reply.length() > 0 ? reply.length() + 1 : 0)
                + 2 * WireFormat.maxDecimalLength() + 2 + bodyLength + 2;
    }

    /**
     * Writes one MSG, or HMSG when the message has headers and the client takes them, into {@code out}; returns the
     * frame's trace lines when tracing is on, else null. A frame that fails half-way is taken back, as half a frame
     * would corrupt everything queued after it, and the failure rethrown. Caller holds the outbound's lock.
     */
    @Override
    public String[] writeMessage(ByteBuf out, ProtocolTracer trace, SubjectView subject, byte[] sid, SubjectView reply,
            InboundMessage message, boolean withHeaders) {
        int headerLength = message.headerLength();
        boolean headerFrame = headerLength > 0 && withHeaders;
        int skip = headerLength > 0 && !withHeaders ? headerLength : 0;
        int bodyLength = message.bodyLength() - skip;
        int lineStart = out.writerIndex();
        try {
            out.writeBytes(headerFrame ? WireFormat.HMSG : WireFormat.MSG);
            out.writeBytes(subject.array(), subject.arrayOffset(), subject.length()).writeByte(' ');
            out.writeBytes(sid).writeByte(' ');
            if (reply.length() > 0) {
                out.writeBytes(reply.array(), reply.arrayOffset(), reply.length()).writeByte(' ');
            } else if (message.writesEmptyReply()) {
                out.writeByte(' ');
            }
            writeSizes(out, message, headerFrame, skip, bodyLength);
            int lineEnd = out.writerIndex();
            out.writeShort(WireFormat.CRLF);
            writeBody(out, message, skip, bodyLength);
            out.writeShort(WireFormat.CRLF);
            return trace.enabled()
                    ? ProtocolTrace.frame(trace, out, lineStart, lineEnd, headerFrame ? headerLength : 0)
                    : null;
        } catch (RuntimeException | Error e) {
            out.writerIndex(lineStart);
            throw e;
        }
    }

    /** At least the bytes {@link #writeNoResponders} writes. */
    static int noRespondersSize(SubjectView reply, byte[] sid, SubjectView subject) {
        return reply.length() + sid.length + WireFormat.NO_RESPONDERS_FIXED_LENGTH + subject.length() + 64;
    }

    /**
     * nats-server's answer to a request nobody could take, on the request's reply subject:
     * {@code HMSG <reply> <sid> <n> <n>} with the header block {@code NATS/1.0 503} and
     * {@code Nats-Subject: <subject>}, and no payload.
     */
    static void writeNoResponders(ByteBuf out, SubjectView reply, byte[] sid, SubjectView subject) {
        int headerLength = WireFormat.NO_RESPONDERS_FIXED_LENGTH + subject.length();
        out.writeBytes(WireFormat.HMSG);
        out.writeBytes(reply.array(), reply.arrayOffset(), reply.length()).writeByte(' ');
        out.writeBytes(sid).writeByte(' ');
        WireFormat.writeDecimal(out, headerLength);
        out.writeByte(' ');
        WireFormat.writeDecimal(out, headerLength);
        out.writeShort(WireFormat.CRLF);
        out.writeBytes(WireFormat.NO_RESPONDERS_STATUS);
        out.writeBytes(subject.array(), subject.arrayOffset(), subject.length());
        out.writeShort(WireFormat.CRLF).writeShort(WireFormat.CRLF).writeShort(WireFormat.CRLF);
    }

    private static void writeSizes(ByteBuf out, InboundMessage message, boolean headerFrame, int skip,
            int bodyLength) {
        if (message instanceof WireInboundMessage wire) {
            if (headerFrame) {
                wire.writeHeaderSizeText(out);
                out.writeByte(' ');
                wire.writeTotalSizeText(out);
            } else if (skip > 0) {
                WireFormat.writeDecimal(out, bodyLength);
            } else {
                wire.writeTotalSizeText(out);
            }
            return;
        }
        if (headerFrame) {
            WireFormat.writeDecimal(out, message.headerLength());
            out.writeByte(' ');
        }
        WireFormat.writeDecimal(out, bodyLength);
    }

    private void writeBody(ByteBuf out, InboundMessage message, int skip, int bodyLength) {
        if (message instanceof WireInboundMessage wire) {
            out.writeBytes(wire.buffer(), wire.bodyIndex() + skip, bodyLength);
            return;
        }
        if (copyScratch == null) {
            copyScratch = new byte[COPY_CHUNK];
        }
        for (int done = 0; done < bodyLength; done += COPY_CHUNK) {
            int chunk = Math.min(COPY_CHUNK, bodyLength - done);
            message.copyBody(skip + done, copyScratch, 0, chunk);
            out.writeBytes(copyScratch, 0, chunk);
        }
    }
}
