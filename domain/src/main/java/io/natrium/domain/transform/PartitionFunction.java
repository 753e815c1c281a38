package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/**
 * {@code {{Partition(n, w...)}}}: a stable partition number for the subject, the 32-bit FNV-1a hash modulo n. Like
 * nats-server it hashes the referenced wildcard tokens concatenated without separators, or the whole subject when
 * no wildcard is named (and always the whole subject when the source has no wildcards). The hash is taken as an
 * unsigned 32-bit value, which also fixes the result of a negative n (nats-server divides by {@code uint32(n)});
 * n = 0 gives 0.
 */
@HotPath
final class PartitionFunction implements DestinationToken {

    private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private final int partitions;
    private final int[] sourceTokens;

    PartitionFunction(int partitions, int[] sourceTokens) {
        this.partitions = partitions;
        this.sourceTokens = sourceTokens;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        if (partitions == 0) {
            buffer.write((byte) '0');
            return;
        }
        byte[] input = buffer.input();
        int hash = FNV_OFFSET_BASIS;
        if (sourceTokens.length == 0) {
            hash = fnv1a(hash, input, buffer.tokenStart(0), buffer.tokenEnd(buffer.tokenCount() - 1));
        } else {
            for (int token : sourceTokens) {
                if (token < buffer.tokenCount()) {
                    hash = fnv1a(hash, input, buffer.tokenStart(token), buffer.tokenEnd(token));
                }
            }
        }
        buffer.writeDecimal(Integer.toUnsignedLong(Integer.remainderUnsigned(hash, partitions)));
    }

    static int fnv1a(int hash, byte[] bytes, int from, int to) {
        int h = hash;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * FNV_PRIME;
        }
        return h;
    }
}
