package io.natrium.application.account;

import io.natrium.application.port.out.DeliveryCount;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Utf8;
import io.natrium.domain.sublist.Subscription;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One SUB of one connection. Publishers on other threads count deliveries on it under its subscriber's outbound
 * lock (it is the {@link DeliveryCount} of its deliveries), so the count needs no atomic update, only a store others
 * can read whole; the closed flag is set atomically. Everything else is fixed at creation. Equality is identity, as
 * the sublist needs.
 */
@HotPath
public final class ClientSubscription implements Subscription, DeliveryCount {

    private static final VarHandle DELIVERED;
    private static final VarHandle CLOSED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DELIVERED = lookup.findVarHandle(ClientSubscription.class, "delivered", long.class);
            CLOSED = lookup.findVarHandle(ClientSubscription.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeliveryTarget target;
    private final Account account;
    private final String subject;
    private final String queue;
    private final String sid;
    private final byte[] sidBytes;
    private final boolean imported;
    /** For a shadow: the stream import it stands for; null otherwise. */
    private final StreamImportSource shadowed;
    /** The shadows of this subscription in the exporters of its account's stream imports; null for none. */
    private volatile ClientSubscription[] shadows;
    private volatile long max;
    @SuppressWarnings("unused") // written through DELIVERED so that monitoring reads it whole
    private long delivered;
    @SuppressWarnings("unused") // updated through CLOSED
    private volatile boolean closed;

    public ClientSubscription(DeliveryTarget target, Account account, String subject, String queue, String sid) {
        this(target, account, subject, queue, sid, false, null);
    }

    private ClientSubscription(DeliveryTarget target, Account account, String subject, String queue, String sid,
            boolean imported, StreamImportSource shadowed) {
        this.target = target;
        this.account = account;
        this.subject = subject;
        this.queue = queue;
        this.sid = sid;
        this.sidBytes = Utf8.encodeKeepingBytes(sid);
        this.imported = imported;
        this.shadowed = shadowed;
        this.closed = imported;
    }

    /**
     * The subscription an account's internal client holds for an import (see {@link ImportSubscriptions}). It is
     * made closed so that publishers pass it by with the check they make anyway: the import routes deliver what it
     * stands for, and only count the crossing on it ({@link #countCrossing()}).
     */
    static ClientSubscription ofImport(DeliveryTarget internalClient, Account account, String subject, String sid) {
        return new ClientSubscription(internalClient, account, subject, null, sid, true, null);
    }

    /**
     * The shadow of {@code original} for the sublist of the exporter of {@code source}, on {@code subject} (see
     * {@link ShadowSubscriptions}): the same client, account, queue and sid (nats-server copies the subscription,
     * so /subsz names the importer's account beside the exporter's subjects), made closed as an import's is.
     */
    static ClientSubscription shadowOf(ClientSubscription original, StreamImportSource source, String subject) {
        return new ClientSubscription(original.target, original.account, subject, original.queue, original.sid, true,
                source);
    }

    /** For a shadow, the stream import it stands for (its exporter holds it); null otherwise. */
    StreamImportSource shadowed() {
        return shadowed;
    }

    ClientSubscription[] shadows() {
        return shadows;
    }

    void shadows(ClientSubscription[] made) {
        shadows = made;
    }

    /**
     * What counts a message that reached this subscription through the stream import {@code via}: its shadow for
     * that import, as nats-server delivers through the shadow, or this subscription when it has none.
     */
    public DeliveryCount countFor(StreamImportSource via) {
        ClientSubscription[] made = shadows;
        if (made != null) {
            for (ClientSubscription shadow : made) {
                if (shadow.shadowed == via) {
                    return shadow;
                }
            }
        }
        return this;
    }

    /** True for an import's subscription, which no client made and nothing is delivered to. */
    public boolean isImport() {
        return imported;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String queue() {
        return queue;
    }

    public String sid() {
        return sid;
    }

    public byte[] sidBytes() {
        return sidBytes;
    }

    /** The connection that subscribed, as publishers deliver to it. */
    public DeliveryTarget target() {
        return target;
    }

    /** The account whose subject space holds this subscription. */
    public Account account() {
        return account;
    }

    /** The id of the connection that subscribed. */
    public long clientId() {
        return target.clientId();
    }

    /** Messages delivered so far (counted so far, the one past an auto-unsubscribe limit included); any thread. */
    public long delivered() {
        return (long) DELIVERED.getOpaque(this);
    }

    /** The auto-unsubscribe limit, 0 for none. */
    public long max() {
        return max;
    }

    @Override
    public long limit() {
        return max;
    }

    public void setMax(long value) {
        max = value;
    }

    /** Counts one more delivery and returns the new count; only under the subscriber's outbound lock. */
    @Override
    public long countOne() {
        long count = delivered + 1;
        DELIVERED.setOpaque(this, count);
        return count;
    }

    /** Counts a message that crossed through this import's subscription; publishers race here, so atomically. */
    void countCrossing() {
        DELIVERED.getAndAdd(this, 1L);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Marks the subscription closed; true only for the caller that closed it. */
    public boolean close() {
        return CLOSED.compareAndSet(this, false, true);
    }

    @Override
    public String toString() {
        return "sid " + sid + " on " + subject + (queue == null ? "" : " queue " + queue);
    }
}
