package io.natrium.application.session;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.text.GoStrings;

/**
 * The system client's protocol trace, as nats-server's {@code setTraceLevel} has it: its traffic is traced only
 * with {@code trace_verbose} ({@code -VV}), never with {@code -V} alone, each line after the prefix
 * {@code SYSTEM}: the subscriptions it makes ({@code <<- [SUB subject  sid]}), what it publishes
 * ({@code <<- [PUB subject reply size]} and {@code <<- MSG_PAYLOAD: [...]}). What is delivered to it is not traced:
 * nats-server hands it to the subscription's callback without a trace line. Reading the switch costs two field
 * reads; nothing is built while it is off.
 */
final class SystemTrace {

    /** nats-server's log prefix of its system client. */
    private static final Object PREFIX = new Object() {
        @Override
        public String toString() {
            return "SYSTEM";
        }
    };

    private final ServerContext server;

    SystemTrace(ServerContext server) {
        this.server = server;
    }

    boolean enabled() {
        ProtocolTracer tracer = server.tracer();
        return tracer.enabled() && server.settings().logging().traceVerbose();
    }

    void subscribed(String subject, String sid) {
        if (enabled()) {
            server.tracer().trace(PREFIX, "<<- [SUB " + subject + "  " + sid + "]");
        }
    }

    void published(String subject, String reply, byte[] payload) {
        if (!enabled()) {
            return;
        }
        ProtocolTracer tracer = server.tracer();
        tracer.trace(PREFIX, "<<- [PUB " + subject + " " + (reply == null ? "" : reply) + " " + payload.length + "]");
        if (payload.length == 0 || tracer.headersOnly()) {
            return;
        }
        int limit = tracer.maxPayloadLength();
        boolean cut = limit > 0 && payload.length > limit;
        int shown = cut ? limit : payload.length;
        StringBuilder line = new StringBuilder(shown + 32).append("<<- MSG_PAYLOAD: [\"");
        GoStrings.appendQuotedContent(line, payload, shown);
        tracer.trace(PREFIX, line.append(cut ? "...\"]" : "\"]").toString());
    }
}
