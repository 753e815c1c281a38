package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.netty.channel.ChannelPipeline;

import java.util.function.Supplier;

/**
 * A client protocol other than NATS that another transport carries (MQTT inside WebSocket frames, as nats-server
 * takes it on the websocket port's {@code /mqtt}): the carrier hands it the bytes of its frames and frames what it
 * writes, and knows nothing else of it. Lets the transports meet here instead of depending on each other.
 */
public interface CarriedProtocol {

    /**
     * Adds the protocol's handlers after the handler named {@code after}; the carrier then fires
     * {@code channelActive} through them, which opens the client's session.
     *
     * @param forwardedFor the client's address as a proxy reported it; null for none
     * @return why the connection closes, as the protocol's outbound decided it (null while it is open)
     */
    Supplier<CloseReason> install(ChannelPipeline pipeline, String after, String forwardedFor);
}
