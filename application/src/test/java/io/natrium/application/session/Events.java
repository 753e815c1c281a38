package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.testkit.memory.OutboundEvent;

import java.util.List;

/** Short names for the events an in-memory client receives, so expectations read like the protocol. */
final class Events {

    private Events() {
    }

    static OutboundEvent info(ServerInfo info) {
        return new OutboundEvent.Info(info);
    }

    static OutboundEvent ok() {
        return new OutboundEvent.Ok();
    }

    static OutboundEvent ping() {
        return new OutboundEvent.Ping();
    }

    static OutboundEvent pong() {
        return new OutboundEvent.Pong();
    }

    static OutboundEvent err(String text) {
        return new OutboundEvent.Err(text);
    }

    /** A MSG without reply. */
    static OutboundEvent msg(String subject, String sid, String payload) {
        return new OutboundEvent.Msg(subject, sid, null, null, payload);
    }

    /** A MSG with a reply subject. */
    static OutboundEvent msg(String subject, String sid, String reply, String payload) {
        return new OutboundEvent.Msg(subject, sid, reply, null, payload);
    }

    /** An HMSG. */
    static OutboundEvent hmsg(String subject, String sid, String reply, String headers, String payload) {
        return new OutboundEvent.Msg(subject, sid, reply, headers, payload);
    }

    static OutboundEvent noResponders(String reply, String sid, String subject) {
        return new OutboundEvent.NoResponders(reply, sid, subject);
    }

    static OutboundEvent closed(CloseReason reason) {
        return new OutboundEvent.Closed(reason);
    }

    /** The MSG events among {@code events}. */
    static List<OutboundEvent.Msg> messages(List<OutboundEvent> events) {
        return events.stream().filter(OutboundEvent.Msg.class::isInstance).map(OutboundEvent.Msg.class::cast)
                .toList();
    }
}
