package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.OK;
import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.err;
import static io.natrium.bootstrap.conformance.Wire.msg;
import static io.natrium.bootstrap.conformance.Wire.pub;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Configured limits: payload, control line, connections, subscriptions and subscription tokens. */
class LimitsIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.with(ServerSettings.builder()
            .maxPayload(100).maxControlLine(64).maxSubscriptions(2).maxSubTokens(2));

    private static final String MAX_PAYLOAD = err("Maximum Payload Violation");
    private static final String MAX_CONTROL_LINE = err("maximum control line exceeded");
    private static final String MAX_SUBSCRIPTIONS = err("maximum subscriptions exceeded");

    @Test
    void infoAnnouncesTheMaxPayload() throws IOException {
        assertThat(Wire.info(SERVER.connect()).get("max_payload").intValue()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUB foo 101", "PUB foo reply 101", "PUB foo 999999999", "HPUB foo 10 101",
        "HPUB foo reply 0 101"})
    void aSizeAboveTheMaxPayloadIsRefusedBeforeThePayloadIsSent(String line) throws IOException {
        SERVER.withHeaders().send(line + "\r\n").expectClose(MAX_PAYLOAD);
    }

    @Test
    void aPayloadOfExactlyTheMaxIsDelivered() throws IOException {
        String payload = "x".repeat(100);

        SERVER.quiet().send("SUB foo 1\r\n" + pub("foo", payload) + PING).expect(msg("foo", "1", payload) + PONG);
    }

    @Test
    void argumentsOfExactlyTheMaxControlLineAreAccepted() throws IOException {
        String subject = "a".repeat(62);

        SERVER.quiet().send("SUB " + subject + " 1\r\n" + pub(subject, "x") + PING)
                .expect(msg(subject, "1", "x") + PONG);
    }

    /** Lines whose arguments are 65 bytes long, one more than the limit. */
    static Stream<Named<String>> overlongLines() {
        return Stream.of("SUB " + "a".repeat(63) + " 1\r\n", "PUB " + "a".repeat(63) + " 1\r\nx\r\n",
                "UNSUB " + "a".repeat(65) + "\r\n", "CONNECT {\"name\":\"" + "a".repeat(54) + "\"}\r\n")
                .map(Wire::shown);
    }

    @ParameterizedTest
    @MethodSource("overlongLines")
    void argumentsLongerThanTheMaxControlLineAreRefused(String line) throws IOException {
        SERVER.quiet().send(line + PING).expectClose(MAX_CONTROL_LINE);
    }

    @Test
    void anUnfinishedLineIsRefusedOnceItOutgrowsTheMaxControlLine() throws IOException {
        RawClient client = SERVER.quiet().send("SUB " + "a".repeat(40)).expectNothing();

        client.send("a".repeat(30)).expectClose(MAX_CONTROL_LINE);
    }

    @Test
    void subscriptionsBeyondTheMaximumAreRefusedAndTheConnectionStaysOpen() throws IOException {
        RawClient client = SERVER.quiet().send("SUB a 1\r\nSUB b 2\r\nSUB c 3\r\n" + pub("a", "x") + pub("c", "y")
                + PING).expect(MAX_SUBSCRIPTIONS + msg("a", "1", "x") + PONG);

        client.send("UNSUB 1\r\nSUB c 3\r\n" + pub("c", "z") + PING).expect(msg("c", "3", "z") + PONG);
    }

    @Test
    void theSubscriptionLimitIsCheckedBeforeTheSid() throws IOException {
        SERVER.quiet().send("SUB a 1\r\nSUB b 2\r\nSUB b 2\r\n" + PING).expect(MAX_SUBSCRIPTIONS + PONG);
    }

    @Test
    void aVerboseClientGetsTheErrorInsteadOfOk() throws IOException {
        SERVER.greeted().send("SUB a 1\r\nSUB b 2\r\nSUB c 3\r\n" + PING).expect(OK + OK + MAX_SUBSCRIPTIONS + PONG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SUB a.b.c 1      | \"a.b.c\"",
        "SUB a.b.c q 1    | \"a.b.c\"",
        "SUB a.\"x\".c 1  | \"a.\\\"x\\\".c\"",
        "SUB a\\b.c.d 1   | \"a\\\\b.c.d\"",
        "SUB a.\u00e9.c 1 | \"a.\u00e9.c\"",
        "SUB c.. 1        | \"c..\"",
    })
    void aSubjectWithTooManyTokensIsRefusedWithTheSubjectQuotedAsGoDoes(String sub, String quoted)
            throws IOException {
        SERVER.quiet().send(sub + "\r\nSUB a.b 2\r\n" + pub("a.b", "x") + PING)
                .expect(err("Permissions Violation for Subscription to " + quoted + ", too many tokens")
                        + msg("a.b", "2", "x") + PONG);
    }

    @Test
    void overTheMaxConnectionsTheClientGetsInfoThenTheErrorAndIsClosed() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(ServerSettings.builder().maxConnections(2));
                RawClient first = RawClient.connectAndReadInfo("127.0.0.1", server.port());
                RawClient second = RawClient.connectAndReadInfo("127.0.0.1", server.port());
                RawClient third = RawClient.connect("127.0.0.1", server.port())) {
            assertThat(third.readUntilClosed())
                    .matches(Pattern.compile("INFO \\{.*\\} \r\n" + Pattern.quote(err("maximum connections exceeded")),
                            Pattern.DOTALL));
            first.send(PING).expect(PONG);
            second.send(PING).expect(PONG);
        }
    }
}
