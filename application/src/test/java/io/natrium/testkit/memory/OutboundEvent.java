package io.natrium.testkit.memory;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ServerInfo;

/** What a client would have received, one protocol operation at a time. */
public sealed interface OutboundEvent {

    record Info(ServerInfo info) implements OutboundEvent {
    }

    record Ok() implements OutboundEvent {
    }

    record Ping() implements OutboundEvent {
    }

    record Pong() implements OutboundEvent {
    }

    record Err(String text) implements OutboundEvent {
    }

    /** A MSG (headers null) or HMSG. */
    record Msg(String subject, String sid, String reply, String headers, String payload) implements OutboundEvent {
    }

    record NoResponders(String reply, String sid, String subject) implements OutboundEvent {
    }

    record Closed(CloseReason reason) implements OutboundEvent {
    }
}
