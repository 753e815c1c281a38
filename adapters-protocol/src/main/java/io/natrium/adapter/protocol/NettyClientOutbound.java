package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's outbound side. Publishers on any event loop append MSG lines and bodies to the pooled pending buffers
 * ({@link PendingBuffer}) under a short lock (one copy per subscriber, as nats-server does); {@link #flush()} hands
 * them to the channel on the channel's own event loop, directly when called there and otherwise through one
 * preallocated task that is scheduled at most once at a time. Slow consumers are detected here: by queued bytes at every append, and by a
 * socket that stays unwritable for longer than the write deadline. Work handed to the event loop from another
 * thread is handed over outside the lock, and a stopped event loop (shutdown) makes it a no-op, never an exception
 * in the caller's pipeline.
 *
 * <p>What a client holds also counts against the server-wide {@link PendingBudget}: a client that falls behind takes
 * credit from it in steps; when there is none left, the clients holding the most are cut as slow consumers, never
 * the publisher that is appending. Should an allocation fail all the same, the client it was for is cut as a slow
 * consumer and the caller sees a dropped delivery, not an error.
 *
 * <p>With protocol tracing on, what is queued is traced as nats-server traces it ({@code ->> [MSG foo 1 5]} and the
 * payload), under the client's own log prefix; with it off, each operation costs one boolean test.
 *
 * <p>This class is the port and the event loop's side; its parts each do one thing. {@link OutboundQueue} holds the
 * lock and everything decided under it (the pending buffer, the wire format, the credit, the counts). Never under the
 * lock: {@link OutboundClose} (the close's reason, and the hand-offs to the event loop). On the event loop:
 * {@link WriteDeadline} (a socket that stays blocked) and {@link InputGate} (pausing and holding the client's input).
 */
@HotPath
public final class NettyClientOutbound implements ClientOutbound {

    private final Channel channel;
    private final EventLoop eventLoop;
    private final PendingBudget budget;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushNow;
    private final OutboundClose closer;
    private final OutboundQueue queue;
    private final DeliveryWriter frames;
    /** Whether the client takes NATS's own protocol lines (INFO, +OK, PING, PONG, -ERR). */
    private final boolean speaksNats;
    /** Event-loop confined, as is the input gate. */
    private final WriteDeadline writeDeadline;
    private final InputGate input;

    public NettyClientOutbound(Channel channel, OutboundLimits limits) {
        this(channel, limits, new FrameWriter());
    }

    /** An outbound whose deliveries {@code frames} writes: MQTT's PUBLISH rather than NATS's MSG. */
    public NettyClientOutbound(Channel channel, OutboundLimits limits, DeliveryWriter frames) {
        this.frames = frames;
        this.speaksNats = frames.speaksNats();
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.budget = limits.budget();
        this.closer = new OutboundClose(channel, limits);
        this.queue = new OutboundQueue(channel, limits, frames, closer);
        this.writeDeadline = new WriteDeadline(channel, limits,
                () -> close(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE));
        this.input = new InputGate(channel);
        // Last: the budget may call this outbound from another thread as soon as it is registered.
        budget.register(this);
    }

    /** Traces what is sent from now on to {@code tracer}, with {@code client}'s log prefix, when it is on. */
    public void traceAs(Object client, ProtocolTracer tracer) {
        queue.traceAs(client, tracer);
    }

    @Override
    public void sendInfo(ServerInfo info) {
        if (speaksNats) {
            queue.appendInfo(info);
        }
    }

    @Override
    public void sendOk() {
        appendLine(WireFormat.OK, "OK");
    }

    @Override
    public void sendPing() {
        appendLine(WireFormat.PING, "PING");
    }

    @Override
    public void sendPong() {
        appendLine(WireFormat.PONG, "PONG");
    }

    private void appendLine(byte[] line, String operation) {
        if (speaksNats) {
            queue.appendLine(line, operation);
        }
    }

    @Override
    public void sendError(String text) {
        if (speaksNats) {
            queue.appendError(text);
            return;
        }
        // nats-server traces the error it does not send to an MQTT client (its CONNACK for an authorization one).
        queue.traceOut(frames.errorTrace(text));
        byte[] answer = frames.errorFrame(text);
        if (answer != null) {
            sendFrame(answer);
        }
    }

    @Override
    public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, DeliveryCount count) {
        DeliveryOutcome outcome = queue.tryDeliver(subject, sid, reply, message, withHeaders, count, false);
        if (outcome == null) {
            // The budget has no credit left: make room (cutting whoever holds the most), outside the lock.
            budget.relieve(PendingBudget.STEP + message.bodyLength());
            outcome = queue.tryDeliver(subject, sid, reply, message, withHeaders, null, true);
        }
        return outcome;
    }

    @Override
    public void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
        if (speaksNats) {
            queue.appendNoResponders(reply, sid, subject);
        }
    }

    @Override
    public void flush() {
        if (eventLoop.inEventLoop()) {
            flushNow();
        } else if (flushScheduled.compareAndSet(false, true)) {
            // Stopped at shutdown: the channel is closed with it and what is pending released then.
            closer.handOff(flushTask);
        }
    }

    /** Runs on the event loop: hands the pending buffer to the channel. */
    private void flushNow() {
        flushScheduled.set(false);
        queue.write();
        // As nats-server checks its deadline at each write.
        writeDeadline.checkAtWrite();
    }

    @Override
    public void close(CloseReason reason) {
        queue.close(reason);
    }

    @Override
    public long deliveredMessages() {
        return queue.deliveredMessages();
    }

    @Override
    public long deliveredBytes() {
        return queue.deliveredBytes();
    }

    @Override
    public long pendingBytes() {
        return queue.pendingBytes();
    }

    @Override
    public void pauseReading(long nanos) {
        input.pause(nanos);
    }

    /** The first reason anybody gave for closing, or null when the peer went away by itself. */
    public CloseReason closeReason() {
        return closer.reason();
    }

    /** The channel is gone: release what is still queued, and the credit it held. */
    public void channelClosed() {
        queue.channelGone();
        budget.unregister(this);
        writeDeadline.stop();
    }

    /** Called on the event loop when the channel's writability changes: starts or stops the write-deadline clock. */
    public void writabilityChanged() {
        if (channel.isWritable()) {
            writeDeadline.socketDrained();
            // The socket took what had piled up: give back the credit for it.
            queue.settleCredit();
            return;
        }
        writeDeadline.socketBlocked();
    }

    /**
     * Queues a frame of the client's own protocol (an MQTT acknowledgement), in order with the deliveries; sent at
     * the next {@link #flush()}.
     */
    public void sendFrame(byte[] frame) {
        queue.append(frame, WireFormat.NOTHING, WireFormat.NOTHING);
    }

    /** Gives back the credit above what this client holds now; returns what it holds. From any thread. */
    long settleCredit() {
        return queue.settleCredit();
    }

    /**
     * Cuts this client as a slow consumer for the budget's sake; false when it was closing already. Called by the
     * budget, holding no outbound lock.
     */
    boolean cutForMemory() {
        return queue.cutForMemory();
    }

    /** Never reads from the client again: the session has closed. On the event loop. */
    void stopReading() {
        input.stop();
    }

    /**
     * Ends the connection with a reset rather than an orderly close: the client sent bytes the server will never
     * read, which would have made the operating system reset it had they still been in the socket.
     */
    void resetOnClose() {
        closer.resetOnClose();
    }

    /** How the handler passes the session what arrived while input was held; set before the session can hold it. */
    public void whenInputResumes(Runnable decodeHeldInput) {
        input.whenResumed(decodeHeldInput);
    }

    @Override
    public void holdInput() {
        input.hold();
    }

    @Override
    public void resumeInput() {
        input.resume();
    }
}
