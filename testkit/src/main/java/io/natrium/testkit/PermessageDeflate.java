package io.natrium.testkit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/** Messages compressed as a WebSocket client compresses them with permessage-deflate (RFC 7692). */
public final class PermessageDeflate {

    private PermessageDeflate() {
    }

    /**
     * {@code plain} deflated as a client sends a message (RFC 7692 7.2.1): raw deflate, sync-flushed, the
     * {@code 00 00 ff ff} that ends the flush left out.
     */
    public static byte[] deflated(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        byte[] compressed = out.toByteArray();
        return Arrays.copyOf(compressed, compressed.length - 4);
    }
}
