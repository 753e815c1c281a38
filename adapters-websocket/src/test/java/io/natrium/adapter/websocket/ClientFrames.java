package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Frames as a WebSocket client writes them, for the decoder tests: any length encoding, masked or not. */
final class ClientFrames {

    static final int[] MASK = {0x37, 0xfa, 0x21, 0x3d};

    private ClientFrames() {
    }

    /** {@code first} is FIN, RSV and opcode. */
    static ByteBuf frame(int first, boolean masked, byte[] payload) {
        ByteBuf frame = Unpooled.buffer(payload.length + 14);
        frame.writeByte(first);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.writeByte(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.writeByte(maskBit | 126).writeShort(payload.length);
        } else {
            frame.writeByte(maskBit | 127).writeLong(payload.length);
        }
        if (masked) {
            for (int b : MASK) {
                frame.writeByte(b);
            }
        }
        for (int i = 0; i < payload.length; i++) {
            frame.writeByte(masked ? payload[i] ^ MASK[i % 4] : payload[i]);
        }
        return frame;
    }

    static ByteBuf masked(int first, byte[] payload) {
        return frame(first, true, payload);
    }
}
