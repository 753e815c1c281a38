package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages for the server's own client go: instead of a socket, the handler registered for the subscription,
 * run on the system client's thread. A publisher's thread only copies the message (valid only during the call) and
 * queues it, so a request to the system account never makes a publisher wait for its answer. The second and last
 * production {@link ClientOutbound}; the hot path reaches it only for subjects the system client subscribes to.
 */
final class SystemOutbound implements ClientOutbound {

    private static final Logger LOG = LoggerFactory.getLogger(SystemOutbound.class);
    /** Requests waiting for the system client's thread; past it they are dropped, as a slow consumer's would be. */
    static final int MAX_WAITING = 8_192;

    private final SessionExecutor executor;
    private final Map<String, SystemClient.Handler> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean closed;

    SystemOutbound(SessionExecutor executor) {
        this.executor = executor;
    }

    void register(String sid, SystemClient.Handler handler) {
        handlers.put(sid, handler);
    }

    @Override
    public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, DeliveryCount count) {
        SystemClient.Handler handler = handlers.get(new String(sid, StandardCharsets.UTF_8));
        if (closed || handler == null) {
            return DeliveryOutcome.DROPPED;
        }
        synchronized (this) {
            // The count's lock: system deliveries are rare, so one monitor here costs nothing that matters.
            long limit = count.limit();
            if (count.countOne() > limit && limit > 0) {
                return DeliveryOutcome.OVER_LIMIT;
            }
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            LOG.warn("System account request on {} dropped: {} requests are waiting", subject, MAX_WAITING);
            return DeliveryOutcome.DROPPED;
        }
        byte[] body = new byte[message.bodyLength()];
        message.copyBody(0, body, 0, body.length);
        SystemClient.Received received = new SystemClient.Received(subject.toString(), reply.toString(), body,
                message.headerLength());
        executor.execute(() -> {
            waiting.decrementAndGet();
            handler.handle(received);
        });
        return DeliveryOutcome.DELIVERED;
    }

    @Override
    public void sendInfo(ServerInfo info) {
    }

    @Override
    public void sendOk() {
    }

    @Override
    public void sendPing() {
    }

    @Override
    public void sendPong() {
    }

    @Override
    public void sendError(String text) {
        LOG.warn("System client error: {}", text);
    }

    @Override
    public void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close(CloseReason reason) {
        closed = true;
    }

    @Override
    public long deliveredMessages() {
        return 0;
    }

    @Override
    public long deliveredBytes() {
        return 0;
    }

    @Override
    public long pendingBytes() {
        return 0;
    }

    @Override
    public void pauseReading(long nanos) {
    }

    @Override
    public void holdInput() {
    }

    @Override
    public void resumeInput() {
    }
}
