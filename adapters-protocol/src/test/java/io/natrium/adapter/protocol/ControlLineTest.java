package io.natrium.adapter.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass read of a whole PUB line agrees with the general path's split, or leaves the line to it. */
class ControlLineTest {

    private final ControlLine line = new ControlLine();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"foo.bar 16", "foo.bar  reply.x   5", "\tfoo\t0", " a b c", "x"})
    void splitsAWholeLineAsTheGeneralPathSplitsItAndHashesItsFirstArgument(String arguments) {
        int count = windowOver(arguments + "\r\nbody\r\n");
        ControlLine general = new ControlLine();
        ByteBuf alone = Unpooled.copiedBuffer(arguments, ISO_8859_1);
        general.copy(alone, 0, alone.readableBytes());
        int generalCount = general.split(false);

        assertThat(count).isEqualTo(generalCount);
        assertThat(line.length()).isEqualTo(arguments.length());
        assertThat(line.wholeLineLength()).isEqualTo(arguments.length() + 2);
        for (int i = 0; i < count; i++) {
            assertThat(line.text(i)).isEqualTo(general.text(i));
        }
        assertThat(line.firstHashed()).isTrue();
        assertThat(line.firstHash()).isEqualTo(general.text(0).hashCode());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"foo 5\r", "foo 5", "foo\r5\r\n", "foo 5\n", "f\u00e9 5\r\n", "a b c d e f\r\n"})
    void leavesToTheGeneralPathALineItCannotReadAtOnce(String window) {
        assertThat(windowOver(window)).isEqualTo(-1);
        assertThat(line.firstHashed()).isFalse();
    }

    @ParameterizedTest(name = "body of {0} bytes")
    @ValueSource(ints = {0, 3, 4})
    void saysWhetherTheWindowHoldsTheBodyAndItsCrlf(int size) {
        windowOver("foo 4\r\nbody\r\nPUB");

        assertThat(line.windowHoldsBodyAndCrlf(size)).isEqualTo(size == 4);
    }

    @ParameterizedTest(name = "window of {0} bytes")
    @ValueSource(ints = {12, 13})
    void aBodyWhoseCrlfIsPastTheWindowIsNotHeld(int window) {
        ByteBuf in = Unpooled.copiedBuffer("foo 4\r\nbody\r\n", ISO_8859_1);
        line.copyWindow(in, 0, window);
        assertThat(line.splitWholeLine()).isEqualTo(2);

        assertThat(line.windowHoldsBodyAndCrlf(4)).isEqualTo(window == 13);
    }

    private int windowOver(String text) {
        ByteBuf in = Unpooled.copiedBuffer(text, ISO_8859_1);
        line.copyWindow(in, 0, in.readableBytes());
        return line.splitWholeLine();
    }
}
