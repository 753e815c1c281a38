package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;

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

    ClientProtocolDecoder(ClientSession session, ProtocolTracer tracer) {
        this.session = session;
        this.tracer = tracer;
    }

    /**
     * Consumes as much of {@code in} as forms complete protocol; leaves an incomplete line or body for the next call.
     * Stops, discarding the rest, once the session is closed, and keeping the rest while it decides a CONNECT.
     */
    void decode(ByteBuf in) {
        tracing = tracer.enabled();
        while (in.isReadable()) {
            if (session.isClosed()) {
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

    private boolean readName(ByteBuf in) {
        if (namePosition == 0 && in.readableBytes() >= 4 && OperationName.isPubWithSpace(in.getInt(in.readerIndex()))
                && session.acceptsOperationsBeforeConnect()) {
            in.skipBytes(4);
            operation = OperationName.PUB;
            namePosition = OperationName.length(OperationName.PUB);
            state = State.SPACES;
            return true;
        }
        int b = in.readByte();
        if (namePosition == 0 && b != 'C' && b != 'c' && !session.acceptsOperationsBeforeConnect()) {
            return fail(ProtocolError.OPERATION_BEFORE_CONNECT);
        }
        operation = OperationName.next(operation, namePosition++, b);
        if (operation == OperationName.UNKNOWN) {
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
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
            return fail(ProtocolError.UNKNOWN_OPERATION);
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
                return fail(ProtocolError.MAX_CONTROL_LINE_EXCEEDED);
            }
            scanned = in.writerIndex() - start;
            return false;
        }
        // Like nats-server, a CR anywhere in the arguments means the byte before the LF is dropped.
        boolean carriageReturn = lineEnd > start
                && (in.getByte(lineEnd - 1) == '\r' || in.indexOf(start, lineEnd, (byte) '\r') >= 0);
        int end = carriageReturn ? lineEnd - 1 : lineEnd;
        if (end - start > session.maxControlLine()) {
            return fail(ProtocolError.MAX_CONTROL_LINE_EXCEEDED);
        }
        line.copy(in, start, end - start);
        in.readerIndex(lineEnd + 1);
        int completed = operation;
        reset();
        if (tracing) {
            traceArguments(completed);
        }
        return switch (completed) {
            case OperationName.PUB -> startPublish();
            case OperationName.HPUB -> startHeaderPublish();
            case OperationName.HMSG -> startEmptyPublish();
            case OperationName.SUB -> subscribe();
            case OperationName.UNSUB -> unsubscribe();
            case OperationName.CONNECT -> connect();
            case OperationName.INFO -> info();
            default -> clientError();
        };
    }

    private boolean startPublish() {
        int count = line.split(false);
        if (count != 2 && count != 3) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        int last = count - 1;
        int size = line.parseSize(last);
        if (size < 0) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        if (size > session.maxPayload()) {
            return fail(ProtocolError.MAX_PAYLOAD_EXCEEDED);
        }
        prepareMessage(count == 3);
        message.setSizeTexts(line.bytes(), 0, 0, line.start(last), line.length(last));
        message.setSizes(0, size);
        session.checkPublishSubject(message.subject());
        expectBody(size);
        return true;
    }

    private boolean startHeaderPublish() {
        if (!session.acceptsHeaders()) {
            return fail(ProtocolError.HEADERS_NOT_SUPPORTED);
        }
        int count = line.split(false);
        if (count != 3 && count != 4) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        int headerArgument = count - 2;
        int totalArgument = count - 1;
        int headerSize = line.parseSize(headerArgument);
        int size = line.parseSize(totalArgument);
        if (headerSize < 0 || size < 0 || headerSize > size) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        if (size > session.maxPayload()) {
            return fail(ProtocolError.MAX_PAYLOAD_EXCEEDED);
        }
        prepareMessage(count == 4);
        message.setSizeTexts(line.bytes(), line.start(headerArgument), line.length(headerArgument),
                line.start(totalArgument), line.length(totalArgument));
        message.setSizes(headerSize, size);
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

    private void prepareMessage(boolean withReply) {
        message.setSubject(line.bytes(), line.start(0), line.length(0));
        if (withReply) {
            message.setReply(line.bytes(), line.start(1), line.length(1));
        } else {
            message.clearReply();
        }
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
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
        if (available == bodySize + 1) {
            return false;
        }
        if (in.getByte(start + bodySize + 1) != '\n') {
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
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

    /** nats-server traces the client operations it acts on: INFO, -ERR and HMSG from a client are not traced. */
    private void traceArguments(int completed) {
        switch (completed) {
            case OperationName.PUB, OperationName.HPUB, OperationName.SUB, OperationName.UNSUB ->
                    ProtocolTrace.inbound(tracer, session, OperationName.text(completed), line.bytes(), line.length());
            case OperationName.CONNECT -> ProtocolTrace.connect(tracer, session, line.bytes(), line.length());
            default -> {
                // Not traced.
            }
        }
    }

    private boolean subscribe() {
        int count = line.split(true);
        if (count != 2 && count != 3) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        String subject = line.text(0);
        String queue = count == 3 ? line.text(1) : null;
        String sid = line.text(count - 1);
        session.subscribe(subject, queue, sid);
        return true;
    }

    private boolean unsubscribe() {
        int count = line.split(true);
        if (count != 1 && count != 2) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        long max = count == 2 ? line.parseSize(1) : -1;
        session.unsubscribe(line.text(0), max);
        return true;
    }

    private boolean connect() {
        ConnectRequest request = ConnectJson.parse(line.copyOfLine());
        if (request == null) {
            return fail(ProtocolError.MALFORMED_JSON);
        }
        session.connect(request);
        return true;
    }

    private boolean info() {
        return InfoJson.isReadable(line.copyOfLine()) || fail(ProtocolError.MALFORMED_JSON);
    }

    private boolean clientError() {
        session.clientError(line.text());
        return true;
    }

    private boolean fail(ProtocolError error) {
        reset();
        session.protocolError(error);
        return true;
    }

    private void reset() {
        state = State.NAME;
        operation = OperationName.UNKNOWN;
        namePosition = 0;
        scanned = 0;
    }
}
