package io.natrium.bootstrap.wiring;

/** The WebSocket listener as the server's lifecycle drives it; {@link #NONE} when no {@code websocket} port is set. */
public interface WebsocketListener extends PortListener {

    WebsocketListener NONE = new NoListener();

    /** Whether the listener serves {@code wss}. */
    default boolean secure() {
        return false;
    }
}
