package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireFormatTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 9, 10, 99, 100, 12345, 999_999_999, Integer.MAX_VALUE, Long.MAX_VALUE})
    void writesDecimalsAfterWhatIsAlreadyInTheBufferGrowingIt(long value) {
        ByteBuf out = Unpooled.buffer(4);
        try {
            out.writeBytes("MSG ".getBytes(StandardCharsets.US_ASCII));
            WireFormat.writeDecimal(out, value);
            out.writeByte('!');

            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("MSG " + value + "!");
            assertThat(Long.toString(value).length()).isLessThanOrEqualTo(WireFormat.maxDecimalLength());
        } finally {
            out.release();
        }
    }
}
