package io.natrium.application.account;

import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.HotPath;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What a publisher on any thread needs of a subscribing connection, and all it touches there: the outbound (which
 * counts what it is given), the delivery profile and the time of the last delivery. Every subscription of the
 * connection points here, so nothing else of the connection is reached from other threads.
 */
@HotPath
public final class DeliveryTarget {

    private static final VarHandle LAST_DELIVERY;

    static {
        try {
            LAST_DELIVERY = MethodHandles.lookup().findVarHandle(DeliveryTarget.class, "lastDeliveryNanos",
                    long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long clientId;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final SubscriptionExpiry expiry;
    private volatile DeliveryProfile profile = DeliveryProfile.INITIAL;
    @SuppressWarnings("unused") // updated through LAST_DELIVERY
    private volatile long lastDeliveryNanos;

    public DeliveryTarget(long clientId, ClientOutbound outbound, SessionExecutor executor, SubscriptionExpiry expiry) {
        this.clientId = clientId;
        this.outbound = outbound;
        this.executor = executor;
        this.expiry = expiry;
    }

    /**
     * An internal client's target, which holds only subscriptions nothing is delivered to (imports'): it has no
     * outbound, clock or expiry.
     */
    static DeliveryTarget internal(long clientId) {
        return new DeliveryTarget(clientId, null, null, null);
    }

    long clientId() {
        return clientId;
    }

    public ClientOutbound outbound() {
        return outbound;
    }

    public DeliveryProfile profile() {
        return profile;
    }

    /** Written on the connection's own thread only. */
    public void profile(DeliveryProfile value) {
        profile = value;
    }

    /** The subscribing connection's clock, for the expiry of the replies it may send. */
    public long nanoTime() {
        return executor.nanoTime();
    }

    /** A subscription reached its auto-unsubscribe limit on a publisher's thread. */
    public void expire(ClientSubscription subscription) {
        expiry.expire(subscription);
    }

    /**
     * A delivery was made; its message and bytes the outbound counted. {@code clockNanos} is the publisher's read time:
     * nats-server counts a delivery as activity of the subscriber. Publishers race here, so the time only ever moves
     * forward, and it is written at most once per read of each publisher.
     */
    public void delivered(long clockNanos) {
        long seen = lastDeliveryNanos;
        while (seen < clockNanos && !LAST_DELIVERY.weakCompareAndSet(this, seen, clockNanos)) {
            seen = lastDeliveryNanos;
        }
    }

    public long outMessages() {
        return outbound.deliveredMessages();
    }

    public long outBytes() {
        return outbound.deliveredBytes();
    }

    public long lastDeliveryNanos() {
        return lastDeliveryNanos;
    }
}
