package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.connect;
import static io.natrium.bootstrap.conformance.Wire.err;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HPUB and HMSG: headers for subscribers that support them, stripped for those that do not. */
class HeadersIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    /** An 18-byte header section. */
    private static final String HEADER = "NATS/1.0\r\nA: B\r\n\r\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HPUB foo 18 20    | HMSG foo 1 18 20    | hi",
        "HPUB foo r 18 20  | HMSG foo 1 r 18 20  | hi",
        "HPUB foo 018 020  | HMSG foo 1 018 020  | hi",
        "HPUB foo 18 18    | HMSG foo 1 18 18    | ''",
    })
    void aHeaderSubscriberGetsHmsgWithTheSizesAsSent(String hpub, String hmsg, String payload) throws IOException {
        RawClient subscriber = SERVER.withHeaders().send("SUB foo 1\r\n" + PING).expect(PONG);

        SERVER.withHeaders().send(hpub + "\r\n" + HEADER + payload + "\r\n" + PING).expect(PONG);

        subscriber.send(PING).expect(hmsg + "\r\n" + HEADER + payload + "\r\n" + PONG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HPUB foo 18 20    | MSG foo 1 2    | hi",
        "HPUB foo r 18 20  | MSG foo 1 r 2  | hi",
        "HPUB foo 18 18    | MSG foo 1 0    | ''",
    })
    void aSubscriberWithoutHeadersGetsMsgWithTheHeaderSectionCutOff(String hpub, String msg, String payload)
            throws IOException {
        RawClient subscriber = SERVER.quiet().send("SUB foo 1\r\n" + PING).expect(PONG);

        SERVER.withHeaders().send(hpub + "\r\n" + HEADER + payload + "\r\n" + PING).expect(PONG);

        subscriber.send(PING).expect(msg + "\r\n" + payload + "\r\n" + PONG);
    }

    @Test
    void oneHpubReachesBothKindsOfSubscriberInTheirOwnForm() throws IOException {
        RawClient plain = SERVER.quiet().send("SUB foo 1\r\n" + PING).expect(PONG);

        SERVER.withHeaders().send("SUB foo 2\r\nHPUB foo 18 20\r\n" + HEADER + "hi\r\n" + PING)
                .expect("HMSG foo 2 18 20\r\n" + HEADER + "hi\r\n" + PONG);

        plain.send(PING).expect("MSG foo 1 2\r\nhi\r\n" + PONG);
    }

    @Test
    void aPubReachesAHeaderSubscriberAsMsg() throws IOException {
        SERVER.withHeaders().send("SUB foo 1\r\nPUB foo 2\r\nhi\r\n" + PING).expect("MSG foo 1 2\r\nhi\r\n" + PONG);
    }

    @Test
    void anEmptyHeaderSectionIsDeliveredAsMsg() throws IOException {
        SERVER.withHeaders().send("SUB foo 1\r\nHPUB foo 0 2\r\nhi\r\n" + PING).expect("MSG foo 1 2\r\nhi\r\n" + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"verbose\":false}", "{\"verbose\":false,\"headers\":false}"})
    void hpubFromAClientWithoutHeadersClosesSilently(String connectJson) throws IOException {
        String connect = connectJson.isEmpty() ? "" : connect(connectJson);

        SERVER.greeted().send(connect + "HPUB foo 18 20\r\n" + HEADER + "hi\r\n" + PING).expectClose("");
    }

    @Test
    void aServerWithoutHeaderSupportRefusesHeadersEvenWhenTheClientAsks() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(ServerSettings.builder().noHeaderSupport(true));
                RawClient hpub = RawClient.connect("127.0.0.1", server.port());
                RawClient noResponders = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            assertThat(Wire.info(hpub).get("headers").booleanValue()).isFalse();
            hpub.send(connect("{\"verbose\":false,\"headers\":true}") + PING).expect(PONG)
                    .send("HPUB foo 18 20\r\n" + HEADER + "hi\r\n" + PING).expectClose("");
            noResponders.send(connect("{\"headers\":true,\"no_responders\":true}") + PING)
                    .expectClose(err("no responders requires headers support"));
        }
    }

    @Test
    void aHeaderSizeAboveTheTotalSizeClosesSilently() throws IOException {
        SERVER.withHeaders().send("HPUB foo 20 18\r\n" + PING).expectClose("");
    }
}
