package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
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

    @Test
    void aTableGrownByOneLargeFanOutShrinksOnceAWindowOfReadsNeededLittle() {
        List<Recorder> many = IntStream.range(0, 1000).mapToObj(i -> new Recorder("o" + i)).toList();
        many.forEach(set::add);
        set.flushAll();
        int grown = set.capacity();
        Recorder a = new Recorder("a");
        Recorder b = new Recorder("b");

        // The window that saw the large read keeps the table; the next one, all small, lets it go.
        for (int read = 0; read < 2 * FlushSet.SHRINK_WINDOW; read++) {
            set.add(a);
            set.add(b);
            set.flushAll();
        }

        assertThat(grown).isGreaterThanOrEqualTo(2000);
        assertThat(set.capacity()).isEqualTo(FlushSet.INITIAL_CAPACITY);
        flushed.clear();
        set.add(b);
        set.add(a);
        set.add(b);
        set.flushAll();
        assertThat(flushed).containsExactly("b", "a");
    }

    @Test
    void aTableKeepsItsSizeWhileLargeFanOutsKeepComing() {
        List<Recorder> many = IntStream.range(0, 1000).mapToObj(i -> new Recorder("o" + i)).toList();
        Recorder a = new Recorder("a");

        for (int window = 0; window < 3; window++) {
            many.forEach(set::add);
            set.flushAll();
            for (int read = 1; read < FlushSet.SHRINK_WINDOW; read++) {
                set.add(a);
                set.flushAll();
            }
        }

        assertThat(set.capacity()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void readsThatQueueNothingCountTowardsShrinkingToo() {
        IntStream.range(0, 100).mapToObj(i -> new Recorder("o" + i)).forEach(set::add);
        set.flushAll();

        for (int read = 0; read < 2 * FlushSet.SHRINK_WINDOW; read++) {
            set.flushAll();
        }

        assertThat(set.capacity()).isEqualTo(FlushSet.INITIAL_CAPACITY);
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
                boolean withHeaders, DeliveryCount count) {
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
        public long deliveredMessages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long deliveredBytes() {
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
