package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/** A destination token copied as it is, held as UTF-8 bytes so that writing it is one copy. */
@HotPath
final class LiteralToken implements DestinationToken {

    private final byte[] bytes;

    LiteralToken(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        buffer.write(bytes, 0, bytes.length);
    }
}
