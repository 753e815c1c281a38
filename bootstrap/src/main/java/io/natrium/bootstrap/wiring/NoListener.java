package io.natrium.bootstrap.wiring;

import java.net.InetSocketAddress;

/** No listener: the block has no port. {@link WebsocketListener#NONE} and {@link MqttListener#NONE}. */
final class NoListener implements WebsocketListener, MqttListener {

    @Override
    public InetSocketAddress start() {
        return null;
    }

    @Override
    public void stopAccepting() {
    }

    @Override
    public void shutdown(long timeoutMillis) {
    }
}
