package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.subject.SubjectView;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * A {@link ClientSession} that writes down every call the decoder makes, as readable protocol-like strings
 * ({@code "PUB foo reply 5 [hello]"}, {@code "SUB foo q 1"}, {@code "error UNKNOWN_OPERATION"}). Like the real
 * session it is closed after {@link #protocolError} and {@link #clientError}, and it accepts operations other than
 * CONNECT before CONNECT only when no authentication is required.
 */
final class RecordingSession implements ClientSession {

    /** The log prefix this session traces under, as a real client's would read. */
    static final String LABEL = "127.0.0.1:54321 - cid:5";

    private final List<String> calls = new ArrayList<>();
    private final List<String> subjectChecks = new ArrayList<>();
    private final List<String> errorDetails = new ArrayList<>();
    final List<io.natrium.application.port.TlsHandshake> tlsSteps = new ArrayList<>();
    final List<io.natrium.application.port.ProxyHeader> proxyHeaders = new ArrayList<>();
    private int maxPayload = 1024 * 1024;
    private int maxControlLine = 4096;
    private boolean acceptsHeaders = true;
    private boolean authRequired;
    private boolean connected;
    private boolean decidesConnectElsewhere;
    private boolean deciding;
    private Runnable holdInput = () -> { };
    private boolean closed;
    private int readBatches;
    private CloseReason transportClosed;
    private Consumer<InboundMessage> onPublish = message -> { };
    private ProtocolTracer tracer = ProtocolTracer.OFF;

    RecordingSession maxPayload(int bytes) {
        maxPayload = bytes;
        return this;
    }

    RecordingSession maxControlLine(int bytes) {
        maxControlLine = bytes;
        return this;
    }

    RecordingSession acceptsHeaders(boolean accepts) {
        acceptsHeaders = accepts;
        return this;
    }

    /** Until CONNECT arrives, every other operation is refused. */
    RecordingSession authRequired() {
        authRequired = true;
        return this;
    }

    /** Runs after a publish is recorded, while the message is still valid. */
    RecordingSession onPublish(Consumer<InboundMessage> action) {
        onPublish = action;
        return this;
    }

    /** Protocol traces go to {@code to}. */
    RecordingSession tracer(ProtocolTracer to) {
        tracer = to;
        return this;
    }

    List<String> calls() {
        return calls;
    }

    /** The subjects given to {@link #checkPublishSubject}, in order. */
    List<String> subjectChecks() {
        return subjectChecks;
    }

    /**
     * The details given with each protocol error, which depend on how the input was split into reads and so are
     * kept out of {@link #calls()}.
     */
    List<String> errorDetails() {
        return errorDetails;
    }

    int readBatches() {
        return readBatches;
    }

    CloseReason transportClosed() {
        return transportClosed;
    }

    @Override
    public int maxPayload() {
        return maxPayload;
    }

    @Override
    public int maxControlLine() {
        return maxControlLine;
    }

    @Override
    public boolean acceptsHeaders() {
        return acceptsHeaders;
    }

    @Override
    public boolean admitBeforeConnect() {
        return !authRequired || connected;
    }

    /** From now on a CONNECT is decided elsewhere, until {@link #decided()}; {@code holdInput} runs at each. */
    RecordingSession decidingConnectElsewhere(Runnable holdInput) {
        decidesConnectElsewhere = true;
        this.holdInput = holdInput;
        return this;
    }

    void decided() {
        deciding = false;
    }

    @Override
    public boolean awaitsAuthentication() {
        return deciding;
    }

    @Override
    public void connect(ConnectRequest request) {
        connected = true;
        deciding = decidesConnectElsewhere;
        if (deciding) {
            holdInput.run();
        }
        record("CONNECT " + describe(request));
    }

    @Override
    public void checkPublishSubject(SubjectView subject) {
        subjectChecks.add(latin1(subject));
    }

    @Override
    public void publish(InboundMessage message) {
        record(describe(message));
        onPublish.accept(message);
    }

    @Override
    public void subscribe(String subject, String queue, String sid) {
        record("SUB " + subject + (queue == null ? "" : " " + queue) + " " + sid);
    }

    @Override
    public void unsubscribe(String sid, long max) {
        record("UNSUB " + sid + (max < 0 ? "" : " " + max));
    }

    @Override
    public void ping() {
        record("PING");
    }

    @Override
    public void pong() {
        record("PONG");
    }

    @Override
    public void clientError(String text) {
        record("-ERR " + text);
        closed = true;
    }

    @Override
    public void protocolError(ProtocolError error, String detail) {
        record("error " + error);
        errorDetails.add(detail);
        closed = true;
    }

    @Override
    public void readBatchComplete() {
        readBatches++;
    }

    @Override
    public void transportClosed(CloseReason reason) {
        transportClosed = reason;
    }

    @Override
    public void tlsHandshake(io.natrium.application.port.TlsHandshake step) {
        tlsSteps.add(step);
    }

    @Override
    public void proxyHeader(io.natrium.application.port.ProxyHeader header) {
        proxyHeaders.add(header);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    ProtocolTracer tracer() {
        return tracer;
    }

    @Override
    public String toString() {
        return LABEL;
    }

    private void record(String call) {
        if (closed) {
            // The decoder must stop at the first error: make a call after it visible in every comparison.
            calls.add("AFTER CLOSE: " + call);
            return;
        }
        calls.add(call);
    }

    /** {@code PUB subject [reply] size [body]} or, with headers, {@code HPUB subject [reply] hdr total [body]}. */
    static String describe(InboundMessage message) {
        StringBuilder text = new StringBuilder(message.headerLength() > 0 ? "HPUB " : "PUB ");
        text.append(latin1(message.subject()));
        if (message.reply().length() > 0) {
            text.append(' ').append(latin1(message.reply()));
        }
        if (message.headerLength() > 0) {
            text.append(' ').append(message.headerLength());
        }
        byte[] body = new byte[message.bodyLength()];
        message.copyBody(0, body, 0, body.length);
        return text.append(' ').append(body.length).append(" [")
                .append(new String(body, StandardCharsets.ISO_8859_1)).append(']').toString();
    }

    /** The fields that are set, in declaration order: {@code {verbose=false, name=x}}. */
    static String describe(ConnectRequest request) {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        try {
            for (RecordComponent component : ConnectRequest.class.getRecordComponents()) {
                Object value = component.getAccessor().invoke(request);
                if (value != null) {
                    fields.add(component.getName() + "=" + value);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return fields.toString();
    }

    private static String latin1(SubjectView view) {
        return new String(view.array(), view.arrayOffset(), view.length(), StandardCharsets.ISO_8859_1);
    }
}
