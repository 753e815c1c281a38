package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A cycle of {@code PUB} frames encoded once into direct memory and written in batches of up to {@value #BATCH}
 * bytes that end on frame boundaries, so publishing costs the tool one {@code write} per batch and nothing per
 * message. Frame {@code i} publishes to {@code subjects[i % subjects.length]}; when the payload has room, its first
 * {@value FrameScanner#SEQUENCE_DIGITS} bytes are {@code i} in ASCII decimal (zero-padded), which lets a receiver
 * check order modulo {@link #frames()}. Message {@code n} of a run is frame {@code n % frames()}.
 */
final class PublishStream {

    static final int BATCH = 64 * 1024;
    private static final int CYCLE_BYTES = 1 << 20;

    private final ByteBuffer cycle;
    /** Where each frame starts in {@link #cycle}, and (last entry) where the cycle ends. */
    private final int[] frameStart;
    private final String[] subjects;

    private PublishStream(String[] subjects, ByteBuffer cycle, int[] frameStart) {
        this.subjects = subjects;
        this.cycle = cycle;
        this.frameStart = frameStart;
    }

    /** One subject. */
    static PublishStream of(String subject, int payloadSize) {
        return of(new String[] {subject}, payloadSize);
    }

    /** The subjects in turn; the cycle holds a whole number of turns, about a mebibyte. */
    static PublishStream of(String[] subjects, int payloadSize) {
        int averageFrame = 0;
        for (String subject : subjects) {
            averageFrame += frame(subject, 0, payloadSize).length;
        }
        averageFrame /= subjects.length;
        int turns = Math.max(1, CYCLE_BYTES / averageFrame / subjects.length);
        int frames = turns * subjects.length;
        if (frames > 100_000_000) {
            throw new IllegalArgumentException("cycle too long for an 8-digit sequence: " + frames);
        }
        byte[][] encoded = new byte[frames][];
        int total = 0;
        for (int i = 0; i < frames; i++) {
            encoded[i] = frame(subjects[i % subjects.length], i, payloadSize);
            total += encoded[i].length;
        }
        ByteBuffer cycle = ByteBuffer.allocateDirect(total);
        int[] frameStart = new int[frames + 1];
        for (int i = 0; i < frames; i++) {
            frameStart[i] = cycle.position();
            cycle.put(encoded[i]);
        }
        frameStart[frames] = cycle.position();
        return new PublishStream(subjects, cycle, frameStart);
    }

    /** The number of frames in the cycle: the modulo of the sequence numbers. */
    int frames() {
        return frameStart.length - 1;
    }

    /** The subject of message {@code n} of a run. */
    String subject(long n) {
        return subjects[(int) (n % subjects.length)];
    }

    int subjectCount() {
        return subjects.length;
    }

    /** A cursor that writes {@code count} messages, starting at frame 0. */
    Cursor cursor(long count) {
        return new Cursor(count);
    }

    /** {@code PUB subject size\r\n<payload>\r\n} with {@code sequence} at the start of the payload when it fits. */
    /** Writes {@code count} frames to a blocking stream, batch by batch through one heap buffer, and flushes. */
    void write(OutputStream out, long count) throws IOException {
        Cursor cursor = cursor(count);
        byte[] chunk = new byte[BATCH + 1024];
        for (ByteBuffer batch = cursor.batch(); batch.hasRemaining(); batch = cursor.batch()) {
            int length = Math.min(chunk.length, batch.remaining());
            batch.get(chunk, 0, length);
            out.write(chunk, 0, length);
        }
        out.flush();
    }

    static byte[] frame(String subject, long sequence, int payloadSize) {
        byte[] head = ("PUB " + subject + " " + payloadSize + "\r\n").getBytes(US_ASCII);
        byte[] frame = Arrays.copyOf(head, head.length + payloadSize + 2);
        byte[] payload = payload(sequence, payloadSize);
        System.arraycopy(payload, 0, frame, head.length, payloadSize);
        frame[frame.length - 2] = '\r';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    /** Printable bytes, starting with {@code sequence} as 8 zero-padded digits when {@code size} allows. */
    static byte[] payload(long sequence, int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        if (size >= FrameScanner.SEQUENCE_DIGITS) {
            long rest = sequence;
            for (int i = FrameScanner.SEQUENCE_DIGITS - 1; i >= 0; i--) {
                payload[i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
        }
        return payload;
    }

    /** The position of one run in the stream: what to write next. */
    final class Cursor {

        private final ByteBuffer view = cycle.duplicate();
        private long remaining;
        private int nextFrame;

        private Cursor(long count) {
            this.remaining = count;
            view.limit(0);
        }

        /** Messages not yet handed out in a batch. */
        long remaining() {
            return remaining;
        }

        /**
         * The bytes to write now: what is left of the current batch, else the next batch; empty when every message
         * has been written.
         */
        ByteBuffer batch() {
            if (!view.hasRemaining() && remaining > 0) {
                nextBatch();
            }
            return view;
        }

        private void nextBatch() {
            int start = frameStart[nextFrame];
            int last = Arrays.binarySearch(frameStart, nextFrame + 1, frameStart.length, start + BATCH);
            int end = last >= 0 ? last : Math.max(nextFrame + 1, -last - 2);
            end = (int) Math.min(end, nextFrame + remaining);
            view.clear();
            view.position(start).limit(frameStart[end]);
            remaining -= end - nextFrame;
            nextFrame = end == frames() ? 0 : end;
        }
    }
}
