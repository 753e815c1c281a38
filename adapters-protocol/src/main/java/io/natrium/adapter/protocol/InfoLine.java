package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ServerInfo;

/**
 * The INFO line a client is greeted with, as bytes, written without Netty: for a client greeted while the server is
 * still being wired (nothing but the JDK is loaded then, and loading Netty would cost that client its quick answer).
 */
public final class InfoLine {

    private InfoLine() {
    }

    /** {@code INFO <json> \r\n}, as nats-server writes it. */
    public static byte[] of(ServerInfo info) {
        byte[] json = InfoJson.encode(info);
        byte[] line = new byte[WireFormat.INFO_START.length + json.length + WireFormat.INFO_END.length];
        System.arraycopy(WireFormat.INFO_START, 0, line, 0, WireFormat.INFO_START.length);
        System.arraycopy(json, 0, line, WireFormat.INFO_START.length, json.length);
        System.arraycopy(WireFormat.INFO_END, 0, line, WireFormat.INFO_START.length + json.length,
                WireFormat.INFO_END.length);
        return line;
    }
}
