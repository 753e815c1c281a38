package io.natrium.domain.subject;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectViewTest {

    private final SubjectView view = new SubjectView();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "foo", "foo.bar.baz", "fóo.bär", "日本.語", "emoji.😀.x", "mixed.a\u00e9\u4e2d\ud83d\ude00"})
    void hashesAndEqualsLikeTheDecodedString(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        view.wrap(bytes);

        assertThat(view.isValidUtf8()).isTrue();
        assertThat(view.hashCode()).isEqualTo(text.hashCode());
        assertThat(view.equals(text)).isTrue();
        assertThat(view.toString()).isEqualTo(text);
        assertThat(view.length()).isEqualTo(bytes.length);
    }

    @Test
    void wrappingReadsNoByteTheHashIsTakenWhenFirstAskedFor() {
        byte[] bytes = "reply.aaaa".getBytes(UTF_8);
        view.wrap(bytes);
        bytes[6] = 'b';

        assertThat(view.hashCode()).isEqualTo("reply.baaa".hashCode());
        assertThat(view.equals("reply.baaa")).isTrue();
    }

    @Test
    void anAsciiViewKeepsTheHashItsReaderComputedAndIsForgottenOnTheNextWrap() {
        byte[] bytes = "xx.orders.eu".getBytes(UTF_8);
        int hash = 0;
        for (int i = 3; i < bytes.length; i++) {
            hash = 31 * hash + bytes[i];
        }

        view.wrapAscii(bytes, 3, 9, hash);

        assertThat(view.hashCode()).isEqualTo("orders.eu".hashCode());
        assertThat(view.isValidUtf8()).isTrue();
        assertThat(view.equals("orders.eu")).isTrue();
        assertThat(view.toString()).isEqualTo("orders.eu");

        view.wrapAscii(bytes, 0, 2, 12345);
        assertThat(view.hashCode()).as("the hash given, taken on trust").isEqualTo(12345);
        view.wrap(bytes, 0, 2);
        assertThat(view.hashCode()).as("computed again once wrapped plainly").isEqualTo("xx".hashCode());
    }

    @Test
    void aViewPointedElsewhereForgetsWhatItKnewOfTheBytesBefore() {
        view.wrap(new byte[] {'f', 'o', (byte) 0xC3});
        assertThat(view.isValidUtf8()).isFalse();
        assertThat(view.hashCode()).isEqualTo(-1);

        view.wrap("foo".getBytes(UTF_8));

        assertThat(view.isValidUtf8()).isTrue();
        assertThat(view.hashCode()).isEqualTo("foo".hashCode());
        assertThat(view.hasValidRunes()).isTrue();
        assertThat(view.equals("foo")).isTrue();
    }

    @Test
    void probesAStringKeyedMapWithoutBeingAString() {
        Map<String, Integer> map = new HashMap<>();
        map.put("orders.créé", 1);
        map.put("orders.new", 2);

        assertThat(map.get(view.wrap("orders.créé".getBytes(UTF_8)))).isEqualTo(1);
        assertThat(map.get(view.wrap("orders.new".getBytes(UTF_8)))).isEqualTo(2);
        assertThat(map.get(view.wrap("orders.old".getBytes(UTF_8)))).isNull();
    }

    @Test
    void viewsARangeOfALargerBuffer() {
        byte[] line = "PUB foo.bar 5\r\n".getBytes(UTF_8);
        view.wrap(line, 4, 7);

        assertThat(view.toString()).isEqualTo("foo.bar");
        assertThat(view.equals("foo.bar")).isTrue();
        assertThat(view.equals("foo.ba")).isFalse();
        assertThat(view.equals("foo.barx")).isFalse();
        assertThat(view.byteAt(3)).isEqualTo((byte) '.');
        assertThat(view.tokenCount()).isEqualTo(2);
        byte[] copy = new byte[7];
        view.copyTo(copy, 0);
        assertThat(new String(copy, UTF_8)).isEqualTo("foo.bar");
    }

    @Test
    void rejectsRangesOutsideTheBuffer() {
        byte[] bytes = new byte[4];
        assertThatThrownBy(() -> view.wrap(bytes, 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.wrap(bytes, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        view.wrap(bytes, 1, 2);
        assertThatThrownBy(() -> view.byteAt(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void invalidUtf8NeverEqualsAString() {
        byte[] invalid = {'f', 'o', (byte) 0xC3};
        view.wrap(invalid);

        assertThat(view.isValidUtf8()).isFalse();
        assertThat(view.equals(view.toString())).isFalse();
        assertThat(view.hasValidRunes()).isFalse();
    }

    @Test
    void theTextOfInvalidUtf8KeepsTheBytesApart() {
        String ff = view.wrap(new byte[] {'w', '.', (byte) 0xFF}).toString();
        String fe = view.wrap(new byte[] {'w', '.', (byte) 0xFE}).toString();

        assertThat(ff).isEqualTo("w.\udcff").isNotEqualTo(fe);
        assertThat(Utf8.encodeKeepingBytes(ff)).containsExactly('w', '.', 0xFF);
    }

    @ParameterizedTest(name = "invalid sequence {index}")
    @ValueSource(strings = {"C0AF", "C1BF", "E080AF", "EDA080", "F08080AF", "F4908080", "F5808080", "80", "BF", "C3",
            "E282", "F09F98", "FF", "C328"})
    void rejectsOverlongSurrogateAndTruncatedSequences(String hex) {
        view.wrap(hexBytes(hex));

        assertThat(view.isValidUtf8()).isFalse();
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(8)];
            random.nextBytes(bytes);
            String decoded = new String(bytes, UTF_8);
            boolean valid = java.util.Arrays.equals(decoded.getBytes(UTF_8), bytes);
            view.wrap(bytes);
            assertThat(view.isValidUtf8()).as("bytes %s", java.util.Arrays.toString(bytes)).isEqualTo(valid);
            if (valid) {
                assertThat(view.hashCode()).isEqualTo(decoded.hashCode());
                assertThat(view.equals(decoded)).isTrue();
            }
        }
    }

    @Test
    void validatesRawBytesLikeTheStringRules() {
        String[] samples = {"foo", "foo.*", "foo.>", "foo..bar", ".foo", "foo bar", "fóo.*", ">", "", "foo.>.bar",
                "foo*", "a.b.c"};
        for (String sample : samples) {
            view.wrap(sample.getBytes(UTF_8));
            assertThat(view.isValidFilter()).as(sample).isEqualTo(SubjectFilter.isValid(sample));
            assertThat(view.isValidLiteral()).as(sample).isEqualTo(Subject.isValidLiteral(sample));
            assertThat(view.isValidPublish()).as(sample).isEqualTo(Subject.isValidPublish(sample));
            assertThat(view.tokenCount()).as(sample).isEqualTo(Subject.tokenCount(sample));
        }
    }

    @Test
    void runeCheckRejectsNulAndEncodedReplacementCharacter() {
        assertThat(view.wrap("foo.bär".getBytes(UTF_8)).hasValidRunes()).isTrue();
        assertThat(view.wrap(new byte[] {'a', 0, 'b'}).hasValidRunes()).isFalse();
        assertThat(view.wrap("a\uFFFDb".getBytes(UTF_8)).hasValidRunes()).isFalse();
    }

    @Test
    void comparesWithAnotherView() {
        SubjectView other = new SubjectView().wrap("xfoo".getBytes(UTF_8), 1, 3);
        view.wrap("foo".getBytes(UTF_8));

        assertThat(view.equals(other)).isTrue();
        assertThat(view.contentEquals(new SubjectView().wrap("fop".getBytes(UTF_8)))).isFalse();
    }

    private static byte[] hexBytes(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
