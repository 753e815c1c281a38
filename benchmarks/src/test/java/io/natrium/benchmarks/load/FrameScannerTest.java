package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class FrameScannerTest {

    private static final String INFO = "INFO {\"server_id\":\"X\",\"version\":\"2.9.10\",\"max_payload\":1048576}\r\n";

    /** Feeds {@code input} whole, byte by byte and in random splits, each into a fresh scanner. */
    private static List<FrameScanner> scanAllWays(Supplier<FrameScanner> scanners, byte[] input) {
        List<FrameScanner> results = new ArrayList<>();
        FrameScanner whole = scanners.get();
        whole.feed(input, 0, input.length);
        results.add(whole);
        FrameScanner bytewise = scanners.get();
        for (int i = 0; i < input.length; i++) {
            bytewise.feed(input, i, 1);
        }
        results.add(bytewise);
        SplittableRandom random = new SplittableRandom(input.length);
        for (int round = 0; round < 20; round++) {
            FrameScanner split = scanners.get();
            int at = 0;
            while (at < input.length) {
                int length = Math.min(input.length - at, 1 + random.nextInt(40));
                byte[] chunk = new byte[length + 8];  // at an offset inside a larger array, as from a read buffer
                System.arraycopy(input, at, chunk, 3, length);
                split.feed(chunk, 3, length);
                at += length;
            }
            results.add(split);
        }
        return results;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(US_ASCII);
    }

    private static String sequencedPayload(long sequence, int size) {
        StringBuilder payload = new StringBuilder(String.format("%08d", sequence));
        while (payload.length() < size) {
            payload.append((char) ('a' + payload.length() % 26));
        }
        return payload.toString();
    }

    @Test
    void countsEveryKindOfFrameHoweverTheInputIsSplit() {
        String input = INFO + "PING\r\n+OK\r\nMSG foo 1 5\r\nhello\r\nMSG foo.bar 22 _INBOX.x 0\r\n\r\nPONG\r\n"
                + "HMSG h 3 12 17\r\nNATS/1.0\r\n\r\nhello\r\nMSG big 1 300\r\n" + "x".repeat(300) + "\r\nPONG\r\n"
                + "PING\r\n";
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, bytes(input))) {
            assertThat(scanner.failure()).isNull();
            assertThat(scanner.messages()).isEqualTo(4);
            assertThat(scanner.pongs()).isEqualTo(2);
            assertThat(scanner.pings()).isEqualTo(2);
            assertThat(scanner.infos()).isEqualTo(1);
            assertThat(scanner.bytes()).isEqualTo(input.length());
        }
    }

    @Test
    void skipsBodiesByTheirSizeEvenWhenTheyLookLikeFrames() {
        String body = "\r\nMSG fake 1 2\r\nxx\r\n-ERR 'no'\r\nPING\r\n";
        String input = "MSG a 1 " + body.length() + "\r\n" + body + "\r\nMSG b 1 3\r\nabc\r\n";
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, bytes(input))) {
            assertThat(scanner.failure()).isNull();
            assertThat(scanner.messages()).isEqualTo(2);
            assertThat(scanner.pings()).isZero();
        }
    }

    @Test
    void reportsAnErrorFromTheServer() {
        String input = "MSG a 1 1\r\nx\r\n-ERR 'Permissions Violation for Publish to \"a\"'\r\nMSG a 1 1\r\ny\r\n";
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, bytes(input))) {
            assertThat(scanner.failure()).isEqualTo("server sent -ERR 'Permissions Violation for Publish to \"a\"'");
            assertThat(scanner.messages()).isEqualTo(2);
        }
    }

    @Test
    void reportsABodyOfTheWrongSize() {
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, bytes("MSG a 1 3\r\nabcd\r\n"))) {
            assertThat(scanner.failure()).startsWith("message body not followed by CRLF");
        }
    }

    @Test
    void reportsLinesItDoesNotKnowAndMalformedMessages() {
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, bytes("HELLO\r\n"))) {
            assertThat(scanner.failure()).isEqualTo("unexpected line from the server: HELLO");
        }
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, bytes("MSG a 1 x\r\n"))) {
            assertThat(scanner.failure()).isEqualTo("malformed message line: MSG a 1 x");
        }
        for (FrameScanner scanner : scanAllWays(() -> new FrameScanner().listener(m -> { }),
                bytes("MSG a 1 2 3 4 5\r\n12345\r\n"))) {
            assertThat(scanner.failure()).isEqualTo("malformed message line: MSG a 1 2 3 4 5");
        }
    }

    @Test
    void acceptsAnExactSequenceAcrossTheCycle() {
        int modulo = 7;
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            input.append("MSG s 1 16\r\n").append(sequencedPayload(i % modulo, 16)).append("\r\n");
        }
        for (FrameScanner scanner : scanAllWays(() -> new FrameScanner().expectSequence(modulo),
                bytes(input.toString()))) {
            assertThat(scanner.failure()).isNull();
            assertThat(scanner.messages()).isEqualTo(30);
        }
    }

    @Test
    void detectsALostADuplicatedAndAReorderedMessage() {
        int modulo = 100;
        int[][] streams = {{0, 1, 2, 4, 5}, {0, 1, 1, 2, 3}, {0, 2, 1, 3, 4}, {1, 2, 3}};
        for (int[] stream : streams) {
            StringBuilder input = new StringBuilder();
            for (int sequence : stream) {
                input.append("MSG s 1 16\r\n").append(sequencedPayload(sequence, 16)).append("\r\n");
            }
            for (FrameScanner scanner : scanAllWays(() -> new FrameScanner().expectSequence(modulo),
                    bytes(input.toString()))) {
                assertThat(scanner.failure()).as("stream %s", java.util.Arrays.toString(stream))
                        .contains("expected");
                assertThat(scanner.messages()).isEqualTo(stream.length);
            }
        }
    }

    @Test
    void aQueueMemberMaySkipButNotGoBack() {
        int modulo = 100;
        String good = messages(3, 10, 11, 40, 89, 99, 5, 30);   // wraps around the cycle once
        for (FrameScanner scanner : scanAllWays(() -> new FrameScanner().expectIncreasingSequence(modulo),
                bytes(good))) {
            assertThat(scanner.failure()).isNull();
        }
        for (String bad : List.of(messages(3, 10, 9), messages(3, 10, 10), messages(3, 60))) {
            for (FrameScanner scanner : scanAllWays(() -> new FrameScanner().expectIncreasingSequence(modulo),
                    bytes(bad))) {
                assertThat(scanner.failure()).as(bad).contains("duplicated or reordered");
            }
        }
    }

    private static String messages(int... sequences) {
        StringBuilder input = new StringBuilder();
        for (int sequence : sequences) {
            input.append("MSG q 1 16\r\n").append(sequencedPayload(sequence, 16)).append("\r\n");
        }
        return input.toString();
    }

    @Test
    void aPayloadWithoutASequenceNumberFailsTheCheck() {
        for (FrameScanner scanner : scanAllWays(() -> new FrameScanner().expectSequence(10),
                bytes("MSG s 1 16\r\nabcdefghijklmnop\r\n"))) {
            assertThat(scanner.failure()).contains("no sequence number");
        }
    }

    @Test
    void showsTheListenerEachMessagesSubjectAndReply() {
        String input = "MSG svc 1 _INBOX.abc.7 2\r\nhi\r\nMSG plain 9 0\r\n\r\nHMSG hdr 2 _R 12 14\r\nNATS/1.0\r\n\r\nok\r\n";
        for (FrameScanner scanner : scanAllWays(() -> {
            List<String> seen = new ArrayList<>();
            FrameScanner created = new FrameScanner();
            created.listener(message -> seen.add(new String(message.subject(), 0, message.subjectLength(), US_ASCII)
                    + "|" + new String(message.reply(), 0, message.replyLength(), US_ASCII)));
            seenByScanner.put(created, seen);
            return created;
        }, bytes(input))) {
            assertThat(scanner.failure()).isNull();
            assertThat(seenByScanner.get(scanner)).containsExactly("svc|_INBOX.abc.7", "plain|", "hdr|_R");
        }
    }

    private final java.util.Map<FrameScanner, List<String>> seenByScanner = new java.util.IdentityHashMap<>();

    @Test
    void aLongInfoLineSplitManyTimesIsOneFrame() {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        String info = "INFO {\"connect_urls\":[" + "\"10.0.0.1:4222\",".repeat(500) + "\"x\"]}\r\n";
        input.writeBytes(bytes(info));
        input.writeBytes(bytes("PONG\r\n"));
        for (FrameScanner scanner : scanAllWays(FrameScanner::new, input.toByteArray())) {
            assertThat(scanner.failure()).isNull();
            assertThat(scanner.infos()).isEqualTo(1);
            assertThat(scanner.pongs()).isEqualTo(1);
        }
    }
}
