package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

/**
 * The S2 frames of the OCSP peer cache file: what Natrium writes reads back, and the compressed chunks klauspost's
 * writer makes (literals, copies, S2's repeat of the last offset) read as S2 defines them.
 */
class S2FramesTest {

    @Test
    void writtenFramesReadBack() {
        byte[] data = new byte[150_000];
        new Random(7).nextBytes(data);
        byte[] framed = S2Frames.encode(data);
        assertThat(new String(framed, 4, 6, StandardCharsets.US_ASCII)).isEqualTo("S2sTwO");
        assertThat(S2Frames.decode(framed)).isEqualTo(data);
        assertThat(S2Frames.decode(S2Frames.encode(new byte[0]))).isEmpty();
    }

    @Test
    void compressedChunksWithCopiesAndRepeatsAreExpanded() {
        // "abcd" literal, copy1 of 4 at offset 4, then a repeat (offset kept) of 4, then literal "xyz".
        byte[] block = {
            15, // uncompressed length 15
            0x0c, 'a', 'b', 'c', 'd', // literal of 4: (4 - 1) << 2
            0x01, 0x04, // copy1: length 4 + 0, offset 4
            0x01, 0x00, // copy1 with offset 0: S2's repeat, length 4
            0x08, 'x', 'y', 'z' // literal of 3
        };
        String expected = "abcdabcdabcdxyz";
        assertThat(new String(S2Frames.decodeBlock(block), StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(S2Frames.decode(stream("S2sTwO", block, expected.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
        // Snappy's stream identifier is taken too; a copy2 reaching back past the start is not.
        assertThat(S2Frames.decode(stream("sNaPpY", block, expected.getBytes(StandardCharsets.US_ASCII))))
                .hasSize(15);
        assertThatThrownBy(() -> S2Frames.decodeBlock(new byte[] {8, 0x0e, 0x09, 0x00}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRepeatWithItsLengthInTheNextByteIsExpanded() {
        // literal "ab", copy1 length 4 offset 2 ("abab"), repeat code 5: length = next byte + 4 (+4) = 10.
        byte[] block = {16, 0x04, 'a', 'b', 0x01, 0x02, 0x15, 0x00, 2};
        assertThat(new String(S2Frames.decodeBlock(block), StandardCharsets.US_ASCII))
                .isEqualTo("abababababababab");
    }

    @Test
    void aWrongChecksumOrAnUnknownStreamIsRefused() {
        byte[] framed = S2Frames.encode("response".getBytes(StandardCharsets.US_ASCII));
        framed[framed.length - 1] ^= 1;
        assertThatThrownBy(() -> S2Frames.decode(framed)).hasMessageContaining("crc mismatch");
        byte[] other = S2Frames.encode("x".getBytes(StandardCharsets.US_ASCII));
        other[4] = 'Z';
        assertThatThrownBy(() -> S2Frames.decode(other)).hasMessageContaining("unknown stream");
    }

    /** A stream of one compressed chunk, framed by hand as klauspost's writer frames it. */
    private static byte[] stream(String magic, byte[] block, byte[] uncompressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(6);
        out.write(0);
        out.write(0);
        out.writeBytes(magic.getBytes(StandardCharsets.US_ASCII));
        int length = block.length + 4;
        out.write(0x00);
        out.write(length);
        out.write(length >>> 8);
        out.write(length >>> 16);
        CRC32C crc = new CRC32C();
        crc.update(uncompressed);
        int c = (int) crc.getValue();
        int masked = ((c >>> 15) | (c << 17)) + 0xa282ead8;
        out.write(masked);
        out.write(masked >>> 8);
        out.write(masked >>> 16);
        out.write(masked >>> 24);
        out.writeBytes(block);
        return out.toByteArray();
    }
}
