package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.OK;
import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.connect;
import static io.natrium.bootstrap.conformance.Wire.err;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The greeting and CONNECT: INFO's content and format, CONNECT's defaults, and the CONNECTs that are refused. */
class ConnectIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEDANTIC_PROBE = "PUB foo.* 2\r\nhi\r\n" + PING;

    @Test
    void infoIsOneCompactLineWithTheServerFieldsInNatsServerOrder() throws IOException {
        RawClient client = SERVER.connect();

        Matcher line = client.expectPattern(Wire.INFO_LINE);
        String json = line.group(1);
        JsonNode info = JSON.readTree(json);

        assertThat(json).as("compact JSON").isEqualTo(Wire.compact(json));
        assertThat(Wire.fieldNames(info)).containsExactly("server_id", "server_name", "version", "proto", "go",
                "host", "port", "headers", "max_payload", "client_id", "client_ip");
        String serverId = info.get("server_id").textValue();
        assertThat(serverId).matches("N[A-Z2-7]{55}").isEqualTo(SERVER.embedded().server().serverId());
        assertThat(info.get("server_name").textValue()).as("the name defaults to the id").isEqualTo(serverId);
        assertThat(info.get("version").textValue()).matches("2\\.\\d+\\.\\d+");
        assertField(info, "proto", "1");
        assertThat(info.get("go").textValue()).isNotBlank();
        assertField(info, "host", "\"127.0.0.1\"");
        assertField(info, "port", Integer.toString(SERVER.port()));
        assertField(info, "headers", "true");
        assertField(info, "max_payload", "1048576");
        assertThat(info.get("client_id").isIntegralNumber()).isTrue();
        assertThat(info.get("client_id").longValue()).isPositive();
        assertField(info, "client_ip", "\"127.0.0.1\"");
        client.expectNothing();
    }

    @Test
    void everyConnectionGetsTheNextClientIdFromTheSameServer() throws IOException {
        List<JsonNode> infos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            infos.add(Wire.info(SERVER.connect()));
        }

        assertThat(infos).extracting(info -> info.get("server_id").textValue()).containsOnly(
                SERVER.embedded().server().serverId());
        assertThat(infos).extracting(info -> info.get("client_id").longValue()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void pingBeforeConnectIsAnswered() throws IOException {
        SERVER.greeted().send(PING).expect(PONG);
    }

    @Test
    void aClientThatNeverSentConnectIsVerboseAndPedantic() throws IOException {
        SERVER.greeted().send("SUB foo 1\r\n" + PEDANTIC_PROBE)
                .expect(OK + err("Invalid Publish Subject") + OK + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "null", "{\"echo\":true}", "{\"verbose\":null,\"pedantic\":null}"})
    void omittedOptionsKeepTheVerboseAndPedanticDefaults(String json) throws IOException {
        SERVER.greeted().send(connect(json) + PEDANTIC_PROBE)
                .expect(OK + err("Invalid Publish Subject") + OK + PONG);
    }

    @Test
    void keysMatchCaseInsensitivelyAndUnknownKeysAreIgnored() throws IOException {
        String json = "{\"VERBOSE\":false,\"Pedantic\":false,\"eCHO\":false,\"unknown_key\":[1,{\"a\":null}],"
                + "\"name\":\"raw\",\"lang\":\"none\",\"version\":\"0\",\"tls_required\":false}";

        SERVER.greeted().send(connect(json) + "SUB foo 1\r\nPUB foo 2\r\nhi\r\n" + PEDANTIC_PROBE).expect(PONG);
    }

    @Test
    void aLaterConnectReplacesTheOptions() throws IOException {
        SERVER.greeted().send(connect("{\"verbose\":true,\"pedantic\":false}") + connect("{\"verbose\":false}")
                + "SUB foo 1\r\n" + PING).expect(OK + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-1", "99"})
    void aProtocolOtherThanZeroOrOneIsRefused(String protocol) throws IOException {
        SERVER.greeted().send(connect("{\"protocol\":" + protocol + "}") + PING)
                .expectClose(err("invalid client protocol"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"no_responders\":true}", "{\"no_responders\":true,\"headers\":false}"})
    void noRespondersWithoutHeadersIsRefused(String json) throws IOException {
        SERVER.greeted().send(connect(json) + PING).expectClose(err("no responders requires headers support"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"account\":\"A\"}", "{\"verbose\":false,\"account\":\"$G\"}", "{\"new_account\":true}"})
    void choosingAnAccountIsAnAuthorizationViolation(String json) throws IOException {
        SERVER.greeted().send(connect(json) + PING).expectClose(err("Authorization Violation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"verbose\":false,\"account\":\"\"}", "{\"verbose\":false,\"new_account\":false}"})
    void anEmptyAccountIsNoViolation(String json) throws IOException {
        SERVER.greeted().send(connect(json) + PING).expect(PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECT {bad\r\n", "CONNECT {\"verbose\":\"yes\"}\r\n", "CONNECT {\"protocol\":1.5}\r\n",
            "CONNECT {\"protocol\":\"1\"}\r\n", "CONNECT {} x\r\n", "CONNECT []\r\n", "CONNECT 1\r\n", "CONNECT\r\n"})
    void connectThatIsNotAJsonObjectOfTheRightTypesClosesSilently(String line) throws IOException {
        SERVER.greeted().send(line + PING).expectClose("");
    }

    @Test
    void aProtocolOneClientGetsConnectInfoAfterItsFirstPong() throws IOException {
        RawClient client = SERVER.connect();
        long clientId = Wire.info(client).get("client_id").longValue();

        client.send(PING + connect("{\"verbose\":false,\"pedantic\":false,\"protocol\":1}")).expect(PONG)
                .expectNothing();
        client.send(PING).expect(PONG);
        JsonNode info = Wire.info(client);

        assertField(info, "connect_info", "true");
        assertField(info, "remote_account", "\"$G\"");
        assertField(info, "client_id", Long.toString(clientId));
        assertThat(Wire.fieldNames(info)).endsWith("client_id", "client_ip", "connect_info", "remote_account");
        client.send(PING).expect(PONG).expectNothing();
    }

    @Test
    void aProtocolZeroClientGetsNoFurtherInfo() throws IOException {
        SERVER.session("{\"verbose\":false,\"protocol\":0}").send(PING).expect(PONG).expectNothing();
    }

    private static void assertField(JsonNode info, String name, String jsonValue) throws IOException {
        assertThat(info.get(name)).as(name).isEqualTo(JSON.readTree(jsonValue));
    }
}
