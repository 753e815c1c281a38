package io.natrium.domain.subject;

import io.natrium.domain.HotPath;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable copy of a subject's bytes, for use as a hash-map key that a {@link SubjectView} can probe: its hash
 * is the view's hash and the view compares bytes with it directly (a vectorised array comparison), which is cheaper
 * than comparing with a {@code String} character by character.
 */
@HotPath
public final class SubjectKey {

    private final byte[] bytes;
    private final int hash;

    private SubjectKey(byte[] bytes, int hash) {
        this.bytes = bytes;
        this.hash = hash;
    }

    /** A key holding a copy of the view's bytes. */
    public static SubjectKey copyOf(SubjectView view) {
        byte[] copy = new byte[view.length()];
        view.copyTo(copy, 0);
        return new SubjectKey(copy, view.hashCode());
    }

    boolean contentEquals(byte[] other, int offset, int length) {
        return Arrays.equals(bytes, 0, bytes.length, other, offset, offset + length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof SubjectKey key) {
            return hash == key.hash && Arrays.equals(bytes, key.bytes);
        }
        return other instanceof SubjectView view && view.equals(this);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
