package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.subject.Utf8;
import io.natrium.domain.text.GoStrings;
import io.netty.buffer.ByteBuf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nats-server's protocol trace lines, built only while tracing is on: operations in ({@code <<- [PUB foo 5]}) and
 * out ({@code ->> [MSG foo 1 5]}, {@code ->> [-ERR Unknown Protocol Operation]}), and message payloads
 * ({@code <<- MSG_PAYLOAD: ["hello"]}), quoted as Go quotes them and cut at {@code max_traced_msg_len}. Like
 * nats-server, operations are traced with the bytes the client sent, UTF-8 or not: they are kept in the text
 * ({@code Utf8.decodeKeepingBytes}) for the log to write back.
 */
final class ProtocolTrace {

    static final String IN = "<<-";
    static final String OUT = "->>";

    private static final int CRLF_LENGTH = 2;
    private static final String REDACTED = "[REDACTED]";
    /**
     * Values of fields starting with {@code auth_token} or {@code pass} (nats-server's {@code prefixAuthPat}), in any
     * case since the server reads keys in any case.
     */
    private static final Pattern PREFIXED_SECRET = Pattern.compile(
            "\"?\\s*(?:auth_token\\S*?|pass\\S*?)\"?\\s*[:=]\\s*\"?([^\",\\r\\n}]*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Values of the fields {@code sig}, {@code proxy_sig} and {@code nkey} (nats-server's {@code exactAuthPat}). */
    private static final Pattern EXACT_SECRET = Pattern.compile(
            "(?:^|[^A-Za-z0-9_])\"?\\s*(?:proxy_sig|nkey|sig)\"?\\s*[:=]\\s*\"?([^\",\\r\\n}]*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ProtocolTrace() {
    }

    /** An operation the client sent, without arguments: {@code <<- [PING]}. */
    static void inbound(ProtocolTracer tracer, Object client, String operation) {
        tracer.trace(client, IN + " [" + operation + "]");
    }

    /** An operation the client sent, with its arguments as they came: {@code <<- [PUB foo  5]}. */
    static void inbound(ProtocolTracer tracer, Object client, String operation, byte[] arguments, int length) {
        String text = Utf8.decodeKeepingBytes(arguments, 0, length);
        tracer.trace(client, IN + " [" + operation + " " + text + "]");
    }

    /**
     * The control line of an operation the client sent, as nats-server traces the ones it acts on: PUB, HPUB, SUB,
     * UNSUB and CONNECT; not INFO, -ERR or HMSG from a client.
     */
    static void arguments(ProtocolTracer tracer, Object client, int operation, ControlLine line) {
        switch (operation) {
            case OperationName.PUB, OperationName.HPUB, OperationName.SUB, OperationName.UNSUB ->
                    inbound(tracer, client, OperationName.text(operation), line.bytes(), line.length());
            case OperationName.CONNECT -> connect(tracer, client, line.bytes(), line.length());
            default -> {
                // Not traced.
            }
        }
    }

    /** CONNECT, with passwords, tokens, signatures and nkeys replaced by {@code [REDACTED]}. */
    static void connect(ProtocolTracer tracer, Object client, byte[] arguments, int length) {
        String json = Utf8.decodeKeepingBytes(arguments, 0, length);
        tracer.trace(client, IN + " [CONNECT " + redactSecrets(json) + "]");
    }

    /** An operation sent to the client: {@code ->> [PONG]}, {@code ->> [-ERR Stale Connection]}. */
    static void outbound(ProtocolTracer tracer, Object client, String operation) {
        tracer.trace(client, OUT + " [" + operation + "]");
    }

    /**
     * The trace of a MSG or HMSG frame just queued in {@code out}: its line (from {@code lineStart} up to the CRLF at
     * {@code lineEnd}), then its payload when there is one to show. Built while the frame is still in the buffer,
     * written with {@link #write} once the buffer's lock is released.
     */
    static String[] frame(ProtocolTracer tracer, ByteBuf out, int lineStart, int lineEnd, int headerLength) {
        byte[] frameLine = new byte[lineEnd - lineStart];
        out.getBytes(lineStart, frameLine);
        String line = OUT + " [" + Utf8.decodeKeepingBytes(frameLine, 0, frameLine.length) + "]";
        int bodyStart = lineEnd + CRLF_LENGTH;
        String payload = payloadOperation(tracer, OUT, out, bodyStart, out.writerIndex() - CRLF_LENGTH - bodyStart,
                headerLength);
        return payload == null ? new String[] {line} : new String[] {line, payload};
    }

    /** Writes the operations {@link #frame} built. */
    static void write(ProtocolTracer tracer, Object client, String[] operations) {
        for (String operation : operations) {
            tracer.trace(client, operation);
        }
    }

    /**
     * A message body the client sent, headers included, of {@code size} bytes at {@code index}: nats-server's
     * {@code <<- MSG_PAYLOAD: ["..."]}.
     */
    static void payload(ProtocolTracer tracer, Object client, ByteBuf buffer, int index, int size, int headerLength) {
        String operation = payloadOperation(tracer, IN, buffer, index, size, headerLength);
        if (operation != null) {
            tracer.trace(client, operation);
        }
    }

    /**
     * {@code MSG_PAYLOAD: ["..."]} after the direction, the payload quoted as Go quotes it and cut at
     * {@code max_traced_msg_len}; with {@code trace_headers} only the header block, without its blank line. Null when
     * there is nothing to show: an empty payload, or no headers when only headers are traced.
     */
    private static String payloadOperation(ProtocolTracer tracer, String direction, ByteBuf buffer, int index,
            int size, int headerLength) {
        int length = size;
        if (tracer.headersOnly()) {
            if (headerLength <= 0) {
                return null;
            }
            length = headerLength - 2 * CRLF_LENGTH;
        }
        if (length <= 0) {
            return null;
        }
        int limit = tracer.maxPayloadLength();
        boolean cut = limit > 0 && length > limit;
        int shown = cut ? limit : length;
        byte[] bytes = new byte[shown];
        buffer.getBytes(index, bytes, 0, shown);
        StringBuilder line = new StringBuilder(shown + 32).append(direction).append(" MSG_PAYLOAD: [\"");
        GoStrings.appendQuotedContent(line, bytes, shown);
        return line.append(cut ? "...\"]" : "\"]").toString();
    }

    /**
     * nats-server's {@code removeSecretsFromTrace}, after the secret values found by reading the JSON are blanked:
     * its patterns alone leave what follows a comma, brace or quote inside a password.
     */
    static String redactSecrets(String connectJson) {
        return redact(EXACT_SECRET, redact(PREFIXED_SECRET, ConnectSecrets.redact(connectJson)));
    }

    private static String redact(Pattern secret, String text) {
        Matcher matcher = secret.matcher(text);
        StringBuilder redacted = null;
        int copied = 0;
        while (matcher.find()) {
            if (redacted == null) {
                redacted = new StringBuilder(text.length());
            }
            redacted.append(text, copied, matcher.start(1)).append(REDACTED);
            copied = matcher.end(1);
        }
        return redacted == null ? text : redacted.append(text, copied, text.length()).toString();
    }
}
