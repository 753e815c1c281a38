package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PublishStreamTest {

    /** Everything a cursor hands out for {@code count} messages, batch by batch. */
    private static List<String> batches(PublishStream stream, long count) {
        PublishStream.Cursor cursor = stream.cursor(count);
        List<String> batches = new ArrayList<>();
        while (true) {
            ByteBuffer batch = cursor.batch();
            if (!batch.hasRemaining()) {
                return batches;
            }
            byte[] bytes = new byte[batch.remaining()];
            batch.get(bytes);
            batches.add(new String(bytes, US_ASCII));
        }
    }

    @Test
    void writesExactlyTheMessagesAskedForInBatchesOfWholeFramesAcrossTheCycle() {
        PublishStream stream = PublishStream.of("bench.s", 16);
        long count = stream.frames() * 2L + 7;
        List<String> batches = batches(stream, count);
        long frames = 0;
        for (String batch : batches) {
            assertThat(batch).startsWith("PUB bench.s 16\r\n").endsWith("\r\n");
            assertThat(batch.length()).isLessThanOrEqualTo(PublishStream.BATCH);
            String[] lines = batch.split("\r\n");
            assertThat(lines.length % 2).isZero();
            for (int i = 0; i < lines.length; i += 2) {
                assertThat(lines[i]).isEqualTo("PUB bench.s 16");
                assertThat(lines[i + 1]).hasSize(16)
                        .startsWith(String.format("%08d", frames % stream.frames()));
                frames++;
            }
        }
        assertThat(frames).isEqualTo(count);
    }

    @Test
    void cyclesThroughTheSubjectsInOrder() {
        String[] subjects = {"a.1", "b.22", "c.333"};
        PublishStream stream = PublishStream.of(subjects, 16);
        assertThat(stream.frames() % subjects.length).isZero();
        String all = String.join("", batches(stream, stream.frames() + 4L));
        String[] lines = all.split("\r\n");
        for (int n = 0; n < lines.length / 2; n++) {
            assertThat(lines[2 * n]).isEqualTo("PUB " + subjects[n % 3] + " 16");
            assertThat(stream.subject(n)).isEqualTo(subjects[n % 3]);
        }
        assertThat(lines).hasSize(2 * (stream.frames() + 4));
    }

    @Test
    void aFrameLargerThanABatchIsWrittenAlone() {
        PublishStream stream = PublishStream.of("big", 100_000);
        List<String> batches = batches(stream, 3);
        assertThat(batches).hasSize(3).allSatisfy(batch -> assertThat(batch).startsWith("PUB big 100000\r\n00000"));
    }

    @Test
    void writesToABlockingStreamWhatTheCursorHandsOut() throws Exception {
        PublishStream stream = PublishStream.of("bench.w", 16);
        long count = stream.frames() + 3L;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.write(out, count);
        assertThat(out.toString(US_ASCII)).isEqualTo(String.join("", batches(stream, count)));
    }

    @Test
    void noMessagesNoBytes() {
        assertThat(batches(PublishStream.of("x", 16), 0)).isEmpty();
    }
}
