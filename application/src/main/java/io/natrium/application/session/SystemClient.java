package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.account.CopiedMessage;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.subject.Utf8;

import java.util.Arrays;

/**
 * The server's own client in the system account (nats-server's {@code sys.client}, kind SYSTEM): it subscribes to
 * the request subjects with a handler each and publishes events and replies as any client publishes, through the
 * same publish path, so permissions, imports and slow consumers apply to what it sends as to anyone's. Everything
 * it does runs on its own thread, the executor it was opened with: a publisher only queues a request for it
 * ({@link SystemOutbound}), and its messages never take time on a client's event loop.
 */
public final class SystemClient {

    /** A message the system client received: subject, reply (empty for none), and body with its header block. */
    public record Received(String subject, String reply, byte[] body, int headerLength) {

        public byte[] payload() {
            return Arrays.copyOfRange(body, headerLength, body.length);
        }

        public byte[] headers() {
            return Arrays.copyOf(body, headerLength);
        }
    }

    /** What the system client does with a message on one of its subscriptions; runs on its thread. */
    @FunctionalInterface
    public interface Handler {
        void handle(Received message);
    }

    private final long id;
    private final ClientConnection connection;
    private final SystemOutbound outbound;
    private final SessionExecutor executor;
    private final SystemTrace trace;
    /**
     * nats-server 2.9.10's system client subscriptions carry sids 2 onwards (its /subsz and its {@code -VV} trace:
     * {@code sys.sid} is taken once before them), so the first one here is 2 too.
     */
    private int nextSid = 1;

    private SystemClient(long id, ClientConnection connection, SystemOutbound outbound, SessionExecutor executor,
            SystemTrace trace) {
        this.id = id;
        this.connection = connection;
        this.outbound = outbound;
        this.executor = executor;
        this.trace = trace;
    }

    /**
     * Opens an internal client in {@code account} with connection id {@code id}: the system account's has the id the
     * account registry took for it among the clients' (nats-server numbers its internal clients with its clients,
     * the system client before them), so that /subsz shows it and the first client gets the cid nats-server gives.
     */
    public static SystemClient open(ServerContext server, Account account, SessionExecutor executor, long id) {
        SystemTrace trace = new SystemTrace(server);
        SystemOutbound outbound = new SystemOutbound(executor);
        ClientConnection connection = new ClientConnection(server, outbound, executor, ConnectionType.STANDARD,
                id, "", 0, ClientCredentials.none(), null);
        connection.openInternal(account);
        return new SystemClient(id, connection, outbound, executor, trace);
    }

    public long id() {
        return id;
    }

    /** The thread everything of the system client runs on. */
    public SessionExecutor executor() {
        return executor;
    }

    /** Subscribes on the system client's thread. */
    public void subscribe(String subject, Handler handler) {
        String sid = Integer.toString(++nextSid);
        outbound.register(sid, handler);
        trace.subscribed(subject, sid);
        connection.subscribe(subject, null, sid);
    }

    /**
     * Publishes in the system account, on the system client's thread, and sends it at once. Its traffic is the
     * server's own: like nats-server's internal client, which has no read loop, it is not added to the server's
     * message counters.
     */
    public void publish(String subject, String reply, byte[] payload) {
        publish(subject, reply, new byte[0], payload);
    }

    /** {@link #publish(String, String, byte[])} with a header block ({@code NATS/1.0\r\n...\r\n\r\n}). */
    public void publish(String subject, String reply, byte[] headers, byte[] payload) {
        trace.published(subject, reply, payload);
        SubjectView subjectView = new SubjectView().wrap(Utf8.encodeKeepingBytes(subject));
        SubjectView replyView = reply == null || reply.isEmpty() ? new SubjectView()
                : new SubjectView().wrap(Utf8.encodeKeepingBytes(reply));
        byte[] body = payload;
        if (headers.length > 0) {
            body = Arrays.copyOf(headers, headers.length + payload.length);
            System.arraycopy(payload, 0, body, headers.length, payload.length);
        }
        connection.publishInternal(CopiedMessage.published(subjectView, replyView, body, headers.length));
    }
}
