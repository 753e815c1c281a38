package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;

/** A second, plain FNV-1a 32-bit over a string's UTF-8 bytes, for checking partitions. */
final class Fnv {

    private Fnv() {
    }

    static long fnv1a(String text) {
        long hash = 0x811C9DC5L;
        for (byte b : text.getBytes(UTF_8)) {
            hash ^= b & 0xFF;
            hash = (hash * 0x01000193L) & 0xFFFFFFFFL;
        }
        return hash;
    }

    /** The partition nats-server computes: the hash modulo n taken as an unsigned 32-bit number. */
    static long partition(String key, int partitions) {
        return partitions == 0 ? 0 : fnv1a(key) % Integer.toUnsignedLong(partitions);
    }
}
