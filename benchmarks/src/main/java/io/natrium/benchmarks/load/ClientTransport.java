package io.natrium.benchmarks.load;

import java.io.IOException;

/** How a scenario's connections reach the server: its NATS port, or its WebSocket listener with or without deflate. */
enum ClientTransport {

    NATS("") {
        @Override
        Connection connect(IoLoop loop, String name, FrameScanner scanner) throws IOException {
            return loop.connect(name, scanner);
        }
    },
    WEBSOCKET(" over WebSocket") {
        @Override
        Connection connect(IoLoop loop, String name, FrameScanner scanner) throws IOException {
            return loop.connectWebsocket(name, scanner, false);
        }
    },
    WEBSOCKET_DEFLATE(" over WebSocket, compressed") {
        @Override
        Connection connect(IoLoop loop, String name, FrameScanner scanner) throws IOException {
            return loop.connectWebsocket(name, scanner, true);
        }
    };

    private final String titleSuffix;

    ClientTransport(String titleSuffix) {
        this.titleSuffix = titleSuffix;
    }

    /** What a scenario's title says after its shape, e.g. {@code " over WebSocket"}. */
    String titleSuffix() {
        return titleSuffix;
    }

    abstract Connection connect(IoLoop loop, String name, FrameScanner scanner) throws IOException;
}
