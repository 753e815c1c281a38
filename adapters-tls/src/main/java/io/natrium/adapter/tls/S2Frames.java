package io.natrium.adapter.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The S2 stream format (klauspost/compress {@code s2}, a superset of Snappy's framing) that nats-server keeps each
 * cached OCSP response in. Natrium writes uncompressed chunks, which any S2 reader takes, and reads every chunk kind
 * nats-server's writer makes, S2's repeat copies included, so that one cache file serves both servers.
 */
final class S2Frames {

    private static final byte[] S2_MAGIC = "S2sTwO".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPPY_MAGIC = "sNaPpY".getBytes(StandardCharsets.US_ASCII);
    private static final int STREAM_IDENTIFIER = 0xff;
    private static final int COMPRESSED = 0x00;
    private static final int UNCOMPRESSED = 0x01;
    private static final int FIRST_SKIPPABLE = 0x80;
    /** Snappy's largest uncompressed chunk, which every S2 reader accepts. */
    private static final int CHUNK = 65536;
    private static final int MAX_BLOCK = 4 << 20;

    private S2Frames() {
    }

    static byte[] encode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
        header(out, STREAM_IDENTIFIER, S2_MAGIC.length);
        out.writeBytes(S2_MAGIC);
        for (int at = 0; at < data.length; at += CHUNK) {
            int length = Math.min(CHUNK, data.length - at);
            header(out, UNCOMPRESSED, length + 4);
            int crc = maskedCrc(data, at, length);
            out.write(crc);
            out.write(crc >>> 8);
            out.write(crc >>> 16);
            out.write(crc >>> 24);
            out.write(data, at, length);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the stream is not S2 (or Snappy) or is corrupt */
    static byte[] decode(byte[] stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(stream.length * 2);
        boolean identified = false;
        int at = 0;
        while (at < stream.length) {
            require(at + 4 <= stream.length, "truncated chunk header");
            int type = stream[at] & 0xff;
            int length = (stream[at + 1] & 0xff) | (stream[at + 2] & 0xff) << 8 | (stream[at + 3] & 0xff) << 16;
            int body = at + 4;
            require(body + length <= stream.length, "truncated chunk");
            if (type == STREAM_IDENTIFIER) {
                byte[] magic = Arrays.copyOfRange(stream, body, body + length);
                require(Arrays.equals(magic, S2_MAGIC) || Arrays.equals(magic, SNAPPY_MAGIC), "unknown stream");
                identified = true;
            } else if (type == COMPRESSED || type == UNCOMPRESSED) {
                require(identified && length >= 4, "corrupt chunk");
                int expected = (stream[body] & 0xff) | (stream[body + 1] & 0xff) << 8
                        | (stream[body + 2] & 0xff) << 16 | (stream[body + 3] & 0xff) << 24;
                byte[] data = type == UNCOMPRESSED ? Arrays.copyOfRange(stream, body + 4, body + length)
                        : decodeBlock(Arrays.copyOfRange(stream, body + 4, body + length));
                require(maskedCrc(data, 0, data.length) == expected, "crc mismatch");
                out.writeBytes(data);
            } else {
                require(type >= FIRST_SKIPPABLE, "unsupported chunk type " + type);
            }
            at = body + length;
        }
        return out.toByteArray();
    }

    /** One S2 block: Snappy's literals and copies, plus the copy that repeats the last offset. */
    static byte[] decodeBlock(byte[] src) {
        int s = 0;
        long size = 0;
        for (int shift = 0;; shift += 7) {
            require(s < src.length && shift < 35, "bad block length");
            int b = src[s++] & 0xff;
            size |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
        }
        require(size <= MAX_BLOCK, "block too large");
        byte[] dst = new byte[(int) size];
        int d = 0;
        int offset = 0;
        while (s < src.length) {
            int tag = src[s] & 0xff;
            int length;
            switch (tag & 0x03) {
                case 0 -> {
                    int x = tag >>> 2;
                    int extra = x < 60 ? 0 : x - 59;
                    require(s + 1 + extra <= src.length, "corrupt literal");
                    if (extra > 0) {
                        x = littleEndian(src, s + 1, extra);
                    }
                    s += 1 + extra;
                    length = x + 1;
                    require(length > 0 && length <= dst.length - d && length <= src.length - s, "corrupt literal");
                    System.arraycopy(src, s, dst, d, length);
                    d += length;
                    s += length;
                    continue;
                }
                case 1 -> {
                    require(s + 2 <= src.length, "corrupt copy");
                    int near = (tag & 0xe0) << 3 | (src[s + 1] & 0xff);
                    length = tag >>> 2 & 0x7;
                    s += 2;
                    if (near == 0) {
                        // S2's repeat: the last offset again, its length possibly in the bytes that follow.
                        int extra = length < 5 ? 0 : length - 4;
                        require(s + extra <= src.length, "corrupt repeat");
                        if (extra > 0) {
                            length = littleEndian(src, s, extra) + (extra == 1 ? 4 : extra == 2 ? 1 << 8 : 1 << 16);
                        }
                        s += extra;
                    } else {
                        offset = near;
                    }
                    length += 4;
                }
                case 2 -> {
                    require(s + 3 <= src.length, "corrupt copy");
                    length = 1 + (tag >>> 2);
                    offset = littleEndian(src, s + 1, 2);
                    s += 3;
                }
                default -> {
                    require(s + 5 <= src.length, "corrupt copy");
                    length = 1 + (tag >>> 2);
                    offset = littleEndian(src, s + 1, 4);
                    s += 5;
                }
            }
            require(offset > 0 && d >= offset && length <= dst.length - d, "corrupt copy");
            for (int end = d + length; d < end; d++) {
                dst[d] = dst[d - offset];
            }
        }
        require(d == dst.length, "short block");
        return dst;
    }

    private static int littleEndian(byte[] bytes, int at, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value |= (bytes[at + i] & 0xff) << (8 * i);
        }
        return value;
    }

    private static void header(ByteArrayOutputStream out, int type, int length) {
        out.write(type);
        out.write(length);
        out.write(length >>> 8);
        out.write(length >>> 16);
    }

    /** Snappy's masked CRC-32C of the uncompressed data. */
    private static int maskedCrc(byte[] data, int at, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, at, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("s2: corrupt input: " + problem);
        }
    }
}
