package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.text.GoStrings;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nats-server's protocol trace lines, built only while tracing is on: operations in ({@code <<- [PUB foo 5]}) and
 * out ({@code ->> [MSG foo 1 5]}, {@code ->> [-ERR Unknown Protocol Operation]}), and message payloads
 * ({@code <<- MSG_PAYLOAD: ["hello"]}), quoted as Go quotes them and cut at {@code max_traced_msg_len}.
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
        String text = new String(arguments, 0, length, StandardCharsets.UTF_8);
        tracer.trace(client, IN + " [" + operation + " " + text + "]");
    }

    /** CONNECT, with passwords, tokens, signatures and nkeys replaced by {@code [REDACTED]}. */
    static void connect(ProtocolTracer tracer, Object client, byte[] arguments, int length) {
        String json = new String(arguments, 0, length, StandardCharsets.UTF_8);
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
        String line = OUT + " [" + out.toString(lineStart, lineEnd - lineStart, StandardCharsets.UTF_8) + "]";
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
