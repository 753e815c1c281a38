package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Parses the client side of the NATS protocol in place and drives a {@link ClientSession}, the way nats-server's
 * byte state machine does: operation names are recognised byte by byte (case-insensitive, so a bad byte is answered
 * before the line ends), arguments are split where they lie, and a message body is handed over only once it and its
 * CRLF are complete, through one reused {@link WireInboundMessage}.
 *
 * <p>With protocol tracing on, each operation is traced as nats-server traces it, before it is acted on; the switch
 * is read once per read, so tracing costs one boolean test per operation when it is off.
 *
 * <p>This class holds the parsing only; {@link ClientConnectionHandler} feeds it from the pipeline. Not thread-safe:
 * one instance per connection, used on its event loop.
 */
@HotPath
final class ClientProtocolDecoder {

    private enum State {
        /** Reading an operation name. */
        NAME,
        /** The name is complete; it must be followed by a space or tab. */
        NAME_END,
        /** Skipping the spaces and tabs before the arguments. */
        SPACES,
        /** Waiting for the line end after the arguments. */
        ARGUMENTS,
        /** PING, PONG, +OK: everything up to the line end is ignored. */
        REST_OF_LINE,
        /** Waiting for a message body and its CRLF. */
        BODY
    }

    private final ClientSession session;
    private final ProtocolTracer tracer;
    private final ControlLine line = new ControlLine();
    private final WireInboundMessage message = new WireInboundMessage();

    private State state = State.NAME;
    private int operation = OperationName.UNKNOWN;
    private int namePosition;
    /** How far past the reader index the line end has already been searched for. */
    private int scanned;
    private int bodySize;
    /** Whether this read is traced: nats-server, too, decides once per read. */
    private boolean tracing;
    /** Where this read's bytes start in the buffer: nats-server's error texts count from there. */
    private int readStart;
    /** A PUB or HPUB was refused for its size: what follows its line is the body nobody will read. */
    private boolean payloadRefused;
    /** Some of that body had arrived when the session closed. */
    private boolean refusedPayloadArrived;
    /**
     * While carried bytes are decoded: the rest of the read that completed them, which nats-server's error texts
     * quote as part of the same read. Null otherwise.
     */
    private ByteBuf continuation;

    ClientProtocolDecoder(ClientSession session, ProtocolTracer tracer) {
        this.session = session;
        this.tracer = tracer;
    }

    /** {@link #decode(ByteBuf, int, ByteBuf)} of a read decoded where it lies, with nothing after it. */
    void decode(ByteBuf in, int newBytes) {
        decode(in, newBytes, null);
    }

    /**
     * Consumes as much of {@code in} as forms complete protocol; leaves an incomplete line or body for the next call.
     * Stops, discarding the rest, once the session is closed, and keeping the rest while it decides a CONNECT. The
     * last {@code newBytes} of {@code in} are the ones the latest read brought; {@code continuation}, when not null,
     * is what follows them in that read (see {@link CarriedInput}).
     */
    void decode(ByteBuf in, int newBytes, ByteBuf continuation) {
        this.continuation = continuation;
        tracing = tracer.enabled();
        readStart = in.writerIndex() - newBytes;
        while (in.isReadable()) {
            if (session.isClosed()) {
                refusedPayloadArrived |= payloadRefused;
                in.skipBytes(in.readableBytes());
                return;
            }
            if (session.awaitsAuthentication()) {
                // What follows a CONNECT waits for its decision, as in nats-server, where the read loop is busy.
                return;
            }
            boolean progressed = switch (state) {
                case NAME -> readName(in);
                case NAME_END -> readNameEnd(in);
                case SPACES -> skipSpaces(in);
                case ARGUMENTS -> readArguments(in);
                case REST_OF_LINE -> skipRestOfLine(in);
                case BODY -> readBody(in);
            };
            if (!progressed) {
                return;
            }
        }
    }

    /**
     * How many bytes of {@code in} to add to {@code held}, the carried bytes of the operation the previous read
     * ended inside, for it to be finished: the rest of its body, or of its line; all of {@code in} while that is not
     * known (input waiting for a CONNECT's decision). At least one, when {@code in} has any.
     */
    int bytesToFinish(ByteBuf held, ByteBuf in) {
        int available = in.readableBytes();
        if (session.isClosed() || session.awaitsAuthentication()) {
            return available;
        }
        if (state == State.BODY) {
            return Math.max(1, Math.min(bodySize + 2 - held.readableBytes(), available));
        }
        if (state == State.ARGUMENTS) {
            int lineEnd = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            return lineEnd < 0 ? available : lineEnd + 1 - in.readerIndex();
        }
        return available;
    }

    /** The size of the whole operation a read ended inside, when known (its body), else 0. */
    int heldOperationSize() {
        return state == State.BODY ? bodySize + 2 : 0;
    }

    /**
     * Whether part of a message refused for its size had arrived when the session closed: bytes the client sent
     * that the server never reads. nats-server stops reading at the size and leaves them in the socket, where they
     * make the close reset the connection.
     */
    boolean refusedPayloadArrived() {
        return refusedPayloadArrived;
    }

    private boolean readName(ByteBuf in) {
        if (namePosition == 0 && in.readableBytes() >= 4 && OperationName.isPubWithSpace(in.getInt(in.readerIndex()))
                && session.admitBeforeConnect()) {
            in.skipBytes(4);
            int size = tracing ? -1 : WholePublishLine.read(in, line, message, session);
            if (size >= 0) {
                expectBody(size);
                return line.windowHoldsBodyAndCrlf(size) ? publishBody(in, in.readerIndex()) : readBody(in);
            }
            operation = OperationName.PUB;
            namePosition = OperationName.length(OperationName.PUB);
            state = State.SPACES;
            return true;
        }
        int b = in.readByte();
        if (namePosition == 0 && b != 'C' && b != 'c' && !session.admitBeforeConnect()) {
            return fail(ProtocolError.OPERATION_BEFORE_CONNECT, null);
        }
        int previous = operation;
        operation = OperationName.next(operation, namePosition, b);
        if (operation == OperationName.UNKNOWN) {
            return unknownAt(in, in.readerIndex() - 1, GoParserState.afterLetters(previous, namePosition));
        }
        namePosition++;
        if (OperationName.isComplete(operation, namePosition)) {
            state = switch (operation) {
                case OperationName.PING, OperationName.PONG, OperationName.OK -> State.REST_OF_LINE;
                case OperationName.CONNECT, OperationName.INFO -> State.SPACES;
                default -> State.NAME_END;
            };
        }
        return true;
    }

    private boolean readNameEnd(ByteBuf in) {
        int b = in.readByte();
        if (b != ' ' && b != '\t') {
            return unknownAt(in, in.readerIndex() - 1, GoParserState.afterLetters(operation, namePosition));
        }
        state = State.SPACES;
        return true;
    }

    private boolean skipSpaces(ByteBuf in) {
        int b = in.getByte(in.readerIndex());
        if (b == ' ' || b == '\t') {
            in.skipBytes(1);
        } else {
            state = State.ARGUMENTS;
            scanned = 0;
        }
        return true;
    }

    private boolean skipRestOfLine(ByteBuf in) {
        int lineEnd = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (lineEnd < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(lineEnd + 1);
        int completed = operation;
        reset();
        if (tracing && completed != OperationName.OK) {
            ProtocolTrace.inbound(tracer, session, OperationName.text(completed));
        }
        if (completed == OperationName.PING) {
            session.ping();
        } else if (completed == OperationName.PONG) {
            session.pong();
        }
        return true;
    }

    private boolean readArguments(ByteBuf in) {
        int start = in.readerIndex();
        int lineEnd = in.indexOf(start + scanned, in.writerIndex(), (byte) '\n');
        if (lineEnd < 0) {
            int pending = in.writerIndex() - start;
            // A CR anywhere in the line will drop one byte once the line ends (see below), so count it already.
            if (pending > 0 && in.indexOf(start, in.writerIndex(), (byte) '\r') >= 0) {
                pending--;
            }
            if (pending > session.maxControlLine()) {
                return controlLineTooLong(in, start, pending, pending);
            }
            scanned = in.writerIndex() - start;
            return false;
        }
        // Like nats-server, a CR anywhere in the arguments means the byte before the LF is dropped.
        boolean carriageReturn = lineEnd > start
                && (in.getByte(lineEnd - 1) == '\r' || in.indexOf(start, lineEnd, (byte) '\r') >= 0);
        int end = carriageReturn ? lineEnd - 1 : lineEnd;
        if (end - start > session.maxControlLine()) {
            return controlLineTooLong(in, start, end - start, 0);
        }
        line.copy(in, start, end - start);
        in.readerIndex(lineEnd + 1);
        int completed = operation;
        reset();
        if (tracing) {
            ProtocolTrace.arguments(tracer, session, completed, line);
        }
        return switch (completed) {
            case OperationName.PUB -> startPublish(false);
            case OperationName.HPUB -> startPublish(true);
            case OperationName.HMSG -> startEmptyPublish();
            case OperationName.SUB -> checked(OperationArguments.subscribe(line, session));
            case OperationName.UNSUB -> checked(OperationArguments.unsubscribe(line, session));
            case OperationName.CONNECT -> connect();
            case OperationName.INFO -> info();
            default -> clientError();
        };
    }

    private boolean startPublish(boolean withHeaders) {
        if (withHeaders && !session.acceptsHeaders()) {
            return fail(ProtocolError.HEADERS_NOT_SUPPORTED, "message headers not supported");
        }
        String problem = withHeaders
                ? OperationArguments.headerPublish(line, message) : OperationArguments.publish(line, message);
        if (problem != null) {
            return malformed(problem);
        }
        int size = message.bodyLength();
        if (size > session.maxPayload()) {
            return payloadTooLarge(size);
        }
        session.checkPublishSubject(message.subject());
        expectBody(size);
        return true;
    }

    /**
     * HMSG is a route and leaf operation; from a client nats-server ignores its arguments and reads an empty
     * message to no subject, so the same happens here.
     */
    private boolean startEmptyPublish() {
        message.clearSubject();
        message.clearReply();
        message.setSizes(0, 0);
        expectBody(0);
        return true;
    }

    private void expectBody(int size) {
        bodySize = size;
        state = State.BODY;
    }

    private boolean readBody(ByteBuf in) {
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available <= bodySize) {
            return false;
        }
        if (in.getByte(start + bodySize) != '\r') {
            return unknownAt(in, start + bodySize, GoParserState.MSG_END_R);
        }
        if (available == bodySize + 1) {
            return false;
        }
        if (in.getByte(start + bodySize + 1) != '\n') {
            return unknownAt(in, start + bodySize + 1, GoParserState.MSG_END_N);
        }
        return publishBody(in, start);
    }

    /** Hands over the message whose body, followed by its CRLF, starts at {@code start}. */
    private boolean publishBody(ByteBuf in, int start) {
        message.setBody(in, start);
        if (tracing) {
            ProtocolTrace.payload(tracer, session, in, start, bodySize, message.headerLength());
        }
        try {
            session.publish(message);
        } finally {
            message.detachBody();
        }
        in.readerIndex(start + bodySize + 2);
        reset();
        return true;
    }

    private boolean connect() {
        ConnectJson.Result connect = ConnectJson.read(line.bytes(), line.length());
        if (connect.request() == null) {
            return fail(ProtocolError.MALFORMED_JSON, connect.error());
        }
        session.connect(connect.request());
        return true;
    }

    private boolean info() {
        byte[] json = line.copyOfLine();
        return InfoJson.isReadable(json) || fail(ProtocolError.MALFORMED_JSON, InfoJson.error(json));
    }

    private boolean clientError() {
        session.clientError(line.text());
        return true;
    }

    /** A byte nats-server's parser cannot go on with, in its state {@code goState}. */
    private boolean unknownAt(ByteBuf in, int index, int goState) {
        if (continuation == null || !continuation.isReadable()) {
            return fail(ProtocolError.UNKNOWN_OPERATION,
                    ParseErrorText.unknownOperation(goState, in, index, readStart));
        }
        // The carried bytes and the rest of their read, as one read: the text quotes past the carried bytes' end.
        ByteBuf whole = Unpooled.buffer(in.writerIndex() + continuation.readableBytes());
        try {
            whole.writeBytes(in, 0, in.writerIndex());
            whole.writeBytes(continuation, continuation.readerIndex(), continuation.readableBytes());
            return fail(ProtocolError.UNKNOWN_OPERATION,
                    ParseErrorText.unknownOperation(goState, whole, index, readStart));
        } finally {
            whole.release();
        }
    }

    /**
     * {@code length} bytes of arguments from {@code start}; {@code bufferLength} is what nats-server shows as held
     * for a later read: all of them while the line goes on, none once it ended.
     */
    private boolean controlLineTooLong(ByteBuf in, int start, int length, int bufferLength) {
        return fail(ProtocolError.MAX_CONTROL_LINE_EXCEEDED, ParseErrorText.maxControlLine(
                GoParserState.arguments(operation), session.maxControlLine(), bufferLength, in, start, length));
    }

    private boolean payloadTooLarge(int size) {
        payloadRefused = true;
        return fail(ProtocolError.MAX_PAYLOAD_EXCEEDED, ParseErrorText.maxPayload(size, session.maxPayload()));
    }

    /** Goes on after an operation whose arguments were read, unless they were bad. */
    private boolean checked(String problem) {
        return problem == null || malformed(problem);
    }

    private boolean malformed(String problem) {
        return fail(ProtocolError.MALFORMED_ARGUMENTS, ParseErrorText.malformed(problem, line));
    }

    private boolean fail(ProtocolError error, String detail) {
        reset();
        session.protocolError(error, detail);
        return true;
    }

    private void reset() {
        state = State.NAME;
        operation = OperationName.UNKNOWN;
        namePosition = 0;
        scanned = 0;
    }
}
