package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The set of outbounds to flush when a read ends. */
class FlushSetTest {

    private final List<String> flushed = new ArrayList<>();
    private final FlushSet set = new FlushSet();

    @Test
    void anOutboundAddedTwiceIsFlushedOnce() {
        Recorder a = new Recorder("a");

        set.add(a);
        set.add(a);
        set.add(a);

        assertThat(set.size()).isEqualTo(1);
        set.flushAll();
        assertThat(flushed).containsExactly("a");
    }

    @Test
    void outboundsAreFlushedInTheOrderTheyWereFirstAdded() {
        Recorder a = new Recorder("a");
        Recorder b = new Recorder("b");
        Recorder c = new Recorder("c");

        set.add(c);
        set.add(a);
        set.add(c);
        set.add(b);
        set.add(a);
        set.flushAll();

        assertThat(flushed).containsExactly("c", "a", "b");
    }

    @ParameterizedTest(name = "{0} outbounds")
    @ValueSource(ints = {8, 9, 16, 17, 100, 1000})
    void itGrowsBeyondItsInitialCapacity(int count) {
        List<Recorder> outbounds = IntStream.range(0, count).mapToObj(i -> new Recorder("o" + i)).toList();

        outbounds.forEach(set::add);
        outbounds.forEach(set::add);

        assertThat(set.size()).isEqualTo(count);
        set.flushAll();
        assertThat(flushed).containsExactlyElementsOf(outbounds.stream().map(outbound -> outbound.name).toList());
    }

    @Test
    void flushAllEmptiesTheSet() {
        Recorder a = new Recorder("a");
        Recorder b = new Recorder("b");
        set.add(a);
        set.add(b);

        set.flushAll();
        set.flushAll();

        assertThat(set.size()).isZero();
        assertThat(flushed).containsExactly("a", "b");
    }

    @Test
    void afterFlushAllAnOutboundCanBeAddedAgain() {
        Recorder a = new Recorder("a");
        Recorder b = new Recorder("b");
        set.add(a);
        set.add(b);
        set.flushAll();

        set.add(b);
        set.add(a);
        set.add(b);
        set.flushAll();

        assertThat(flushed).containsExactly("a", "b", "b", "a");
    }

    @Test
    void anEmptySetFlushesNothing() {
        set.flushAll();

        assertThat(flushed).isEmpty();
        assertThat(set.size()).isZero();
    }

    @Test
    void aGrownSetStillDeduplicatesAfterBeingEmptied() {
        List<Recorder> outbounds = IntStream.range(0, 50).mapToObj(i -> new Recorder("o" + i)).toList();
        outbounds.forEach(set::add);
        set.flushAll();
        flushed.clear();

        for (int round = 0; round < 3; round++) {
            outbounds.forEach(set::add);
        }
        set.flushAll();

        assertThat(flushed).hasSize(50).doesNotHaveDuplicates();
    }

    /** Records its flush; the set must call nothing else. */
    private final class Recorder implements ClientOutbound {

        private final String name;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void flush() {
            flushed.add(name);
        }

        @Override
        public void sendInfo(ServerInfo info) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendOk() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendPing() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendPong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendError(String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
                boolean withHeaders) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close(CloseReason reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long pendingBytes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pauseReading(long nanos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void holdInput() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resumeInput() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
