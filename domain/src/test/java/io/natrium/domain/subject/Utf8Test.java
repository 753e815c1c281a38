package io.natrium.domain.subject;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Decoding a client's bytes without losing the ones that are not UTF-8, and encoding them back. */
class Utf8Test {

    /** Each byte Go's {@code utf8.DecodeRune} refuses becomes U+DC00 plus the byte, one character per byte. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "666f6f         | foo",
        "c3a9           | \u00e9",
        "ff             | \udcff",
        "66ff2efe       | f\udcff.\udcfe",
        "eda080         | \udced\udca0\udc80",
        "e282           | \udce2\udc82",
        "e28258         | \udce2\udc82X",
        "c0af           | \udcc0\udcaf",
        "f09f9982ff     | \ud83d\ude42\udcff"})
    void keepsEveryByteThatIsNotUtf8(String hex, String text) {
        byte[] bytes = HexFormat.of().parseHex(hex.strip());

        assertThat(Utf8.decodeKeepingBytes(bytes, 0, bytes.length)).isEqualTo(text.strip());
        assertThat(Utf8.encodeKeepingBytes(text.strip())).isEqualTo(bytes);
    }

    @Test
    void decodesAndEncodesAnyBytesBackToThemselves() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(10)];
            random.nextBytes(bytes);

            String text = Utf8.decodeKeepingBytes(bytes, 0, bytes.length);

            assertThat(Utf8.encodeKeepingBytes(text)).as(HexFormat.of().formatHex(bytes)).isEqualTo(bytes);
            if (Utf8.isValid(bytes, 0, bytes.length)) {
                assertThat(text).isEqualTo(new String(bytes, UTF_8));
            }
        }
    }

    @Test
    void decodesARangeOfTheArray() {
        byte[] bytes = {'x', 'a', (byte) 0xff, 'b', 'y'};

        assertThat(Utf8.decodeKeepingBytes(bytes, 1, 3)).isEqualTo("a\udcffb");
    }

    @Test
    void keptBytesCanBeReplacedAsADecoderWithReplacementWould() {
        assertThat(Utf8.replaceKeptBytes("w.\udcff\udcfe\ud83d\udc80")).isEqualTo("w.\ufffd\ufffd\ud83d\udc80");
        assertThat(Utf8.replaceKeptBytes("plain")).isEqualTo("plain");
    }

    @Test
    void aKeptByteIsALoneLowSurrogateOfTheKeptRange() {
        assertThat(Utf8.isKeptByte("a\udcff", 1)).isTrue();
        assertThat(Utf8.isKeptByte("\udc80", 0)).isTrue();
        assertThat(Utf8.isKeptByte("\udc7f", 0)).as("below the range").isFalse();
        assertThat(Utf8.isKeptByte("\ud800\udcff", 1)).as("half of a pair").isFalse();
    }
}
