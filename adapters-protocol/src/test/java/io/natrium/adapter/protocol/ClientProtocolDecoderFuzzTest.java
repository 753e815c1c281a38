package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.protocol.ProtocolChannel.Recording;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Arbitrary bytes through {@link ClientConnectionHandler} in an {@code EmbeddedChannel}: nothing throws, every
 * buffer is released (both checked by {@link ProtocolChannel}), the calls are the same however the bytes are split
 * into reads, and nothing is dispatched after the first error.
 *
 * <p>Input layout: byte 0 configures the session (bit 0: headers refused, bit 1: max control line 16, bit 2: max
 * payload 16, bit 3: authentication required), byte 1 seeds the random split, the rest is what the client sends.
 * The empty input and the seeds under
 * {@code src/test/resources/io/natrium/adapter/protocol/ClientProtocolDecoderFuzzTestInputs} are replayed by the
 * normal test run, one invocation each; to fuzz (findings are written next to the seeds):
 * {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-protocol -am test -Dtest=ClientProtocolDecoderFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=60s}.
 */
class ClientProtocolDecoderFuzzTest {

    private static final int SMALL_LIMIT = 16;
    private static final int BYTE_BY_BYTE_UP_TO = 512;

    @FuzzTest(maxDuration = "60s")
    // In libFuzzer's dictionary syntax: \xNN for bytes, \" for a quote.
    @DictionaryEntries({"CONNECT ", "{\\\"headers\\\":true}", "PUB ", "HPUB ", "HMSG ", "SUB ", "UNSUB ", "PING",
        "PONG", "+OK", "-ERR ", "INFO {}", "\\x0d\\x0a", "NATS/1.0\\x0d\\x0a\\x0d\\x0a", " 12 ", " 999999999",
        "\\x09"})
    void decodesAnyInputTheSameHoweverItIsSplit(byte[] data) {
        int flags = data.length > 0 ? data[0] : 0;
        long seed = data.length > 1 ? data[1] : 0;
        byte[] input = data.length > 2 ? Arrays.copyOfRange(data, 2, data.length) : new byte[0];
        Supplier<RecordingSession> sessions = () -> session(flags);

        Recording whole = ProtocolChannel.record(sessions.get(), List.of(input));
        Recording split = ProtocolChannel.record(sessions.get(), ProtocolChannel.randomChunks(input, new Random(seed)));

        assertThat(split).as("split at random").isEqualTo(whole);
        if (input.length <= BYTE_BY_BYTE_UP_TO) {
            Recording bytes = ProtocolChannel.record(sessions.get(), ProtocolChannel.chunks(input, 1));
            assertThat(bytes).as("byte by byte").isEqualTo(whole);
        }
        assertNothingAfterTheFirstError(whole.calls());
    }

    private static RecordingSession session(int flags) {
        RecordingSession session = new RecordingSession().acceptsHeaders((flags & 1) == 0);
        if ((flags & 2) != 0) {
            session.maxControlLine(SMALL_LIMIT);
        }
        if ((flags & 4) != 0) {
            session.maxPayload(SMALL_LIMIT);
        }
        if ((flags & 8) != 0) {
            session.authRequired();
        }
        return session;
    }

    /** A protocol error or a client's -ERR closes the session: it must be the last call. */
    private static void assertNothingAfterTheFirstError(List<String> calls) {
        assertThat(calls).noneMatch(call -> call.startsWith("AFTER CLOSE"));
        for (int i = 0; i < calls.size() - 1; i++) {
            assertThat(calls.get(i)).as("call %d of %s", i, calls).doesNotStartWith("error ").doesNotStartWith("-ERR");
        }
    }
}
