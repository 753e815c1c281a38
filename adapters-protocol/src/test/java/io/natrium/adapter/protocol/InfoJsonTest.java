package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ServerInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INFO JSON byte for byte as nats-server writes it. The expected lines were captured from nats-server 2.9.10
 * ({@code /usr/sbin/nats-server -a 127.0.0.1 -p <port> [--auth tok] [--name ...]}, first line a client reads).
 */
class InfoJsonTest {

    /** The fields of Go's {@code Info} struct that a client INFO can carry, in the struct's order. */
    private static final List<String> GO_FIELD_ORDER = List.of("server_id", "server_name", "version", "proto",
            "git_commit", "go", "host", "port", "headers", "auth_required", "tls_required", "tls_verify",
            "tls_available", "max_payload", "jetstream", "ip", "client_id", "client_ip", "nonce", "cluster", "domain",
            "connect_urls", "ws_connect_urls", "ldm", "connect_info", "remote_account", "acc_is_sys", "xkey");

    @Test
    void matchesTheInfoOfADefaultNatsServer() {
        String id = "NCNM3JABXWPSDGVBXAICSALTL545CKCFKKBAWY2A7HHQWCNC5OEWCHYV";

        assertThat(encode(captured(id, id, 14222, false))).isEqualTo("{\"server_id\":\"" + id + "\",\"server_name\":\""
                + id + "\",\"version\":\"2.9.10\",\"proto\":1,\"go\":\"go1.19.8\",\"host\":\"127.0.0.1\","
                + "\"port\":14222,\"headers\":true,\"max_payload\":1048576,\"client_id\":4,"
                + "\"client_ip\":\"127.0.0.1\"}");
    }

    @Test
    void matchesTheInfoOfANatsServerWithAuthAndANameThatNeedsEscaping() {
        String id = "NCK5QCBHJZJ4MOOVVAW4IG5OBUOE5POFWKAEJWXMSONZNSRH6E2HLTKN";

        assertThat(encode(captured(id, "n<a>&\"b\\c", 39517, true))).isEqualTo("{\"server_id\":\"" + id + "\","
                + "\"server_name\":\"n\\u003ca\\u003e\\u0026\\\"b\\\\c\",\"version\":\"2.9.10\",\"proto\":1,"
                + "\"go\":\"go1.19.8\",\"host\":\"127.0.0.1\",\"port\":39517,\"headers\":true,"
                + "\"auth_required\":true,\"max_payload\":1048576,\"client_id\":4,\"client_ip\":\"127.0.0.1\"}");
    }

    @Test
    void escapesControlCharactersAndLineSeparatorsAsNatsServerDoes() {
        // Captured with --name $'a\bb\fc\x01d\u2028e' (Go 1.19; Go 1.22 and later write \b and \f instead).
        String json = encode(captured("X", "a\bb\fc\u0001d\u2028e", 1, false));

        assertThat(json).contains("\"server_name\":\"a\\u0008b\\u000cc\\u0001d\\u2028e\"");
    }

    @Test
    void escapesQuotesBackslashesAndLineEndsShortly() {
        String json = encode(captured("X", "q\"b\\n\nr\rt\tz\u001f\u007f\u2029\u00e9\u20ac", 1, false));

        assertThat(json).contains("\"server_name\":\"q\\\"b\\\\n\\nr\\rt\\tz\\u001f\u007f\\u2029\u00e9\u20ac\"");
    }

    @Test
    void writesEveryFieldInTheOrderOfGosInfoStruct() throws IOException {
        ServerInfo info = new ServerInfo("id", "name", "2.11.0", 1, "abc123", "java17", "0.0.0.0", 4222, true, true,
                true, true, true, 1048576, true, "nats://10.0.0.1:4222", 7, "10.0.0.2", "nonce", "c1", "d1",
                List.of("10.0.0.1:4222", "10.0.0.3:4222"), List.of("ws://10.0.0.1:8080"), true, true, "ACC", true,
                "XKEY");

        JsonNode json = new ObjectMapper().readTree(InfoJson.encode(info));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(GO_FIELD_ORDER);
        assertThat(json.get("connect_urls").toString()).isEqualTo("[\"10.0.0.1:4222\",\"10.0.0.3:4222\"]");
        assertThat(json.get("client_id").asLong()).isEqualTo(7);
        assertThat(json.get("acc_is_sys").asBoolean()).isTrue();
    }

    @Test
    void leavesOutEmptyOptionalFieldsAndWritesTheOthersEvenWhenEmpty() {
        ServerInfo empty = new ServerInfo(null, null, null, 0, null, null, null, 0, false, false, false, false, false,
                0, false, null, 0, null, null, null, null, null, List.of(), false, false, null, false, null);

        assertThat(encode(empty)).isEqualTo("{\"server_id\":\"\",\"server_name\":\"\",\"version\":\"\",\"proto\":0,"
                + "\"go\":\"\",\"host\":\"\",\"port\":0,\"headers\":false,\"max_payload\":0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "null", " {\"server_id\":\"x\",\"port\":4222,\"x\":[1]} "})
    void readsAnObjectOrNullFromAClient(String json) {
        assertThat(InfoJson.isReadable(json.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"port\":5,\"PORT\":null,\"server_id\":null}", "{\"connect_urls\":[\"a\",null]}",
        "{\"max_payload\":2147483647}", "{\"client_id\":18446744073709551615}", "{\"gateway_cmd\":255}",
        "{\"gateway_cmd_payload\":\"aGk=\"}", "{\"gateway_cmd_payload\":[1,2]}",
        "{\"import\":{\"allow\":[\"a\"],\"other\":1}}", "{\"Server_ID\":\"x\",\"unknown\":{\"x\":[1]}}"})
    void readsFieldsOfTheTypesOfNatsServersInfoStruct(String json) {
        assertThat(InfoJson.isReadable(json.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"port\":\"x\"}", "{\"server_id\":5}", "{\"connect_urls\":\"a\"}",
        "{\"connect_urls\":[1]}", "{\"headers\":1}", "{\"port\":5.0}", "{\"port\":1e2}",
        "{\"max_payload\":2147483648}", "{\"client_id\":-1}", "{\"gateway_cmd\":256}",
        "{\"gateway_cmd_payload\":\"!\"}", "{\"import\":[]}", "{\"export\":{\"deny\":\"x\"}}",
        "{\"SERVER_ID\":true}"})
    void refusesAKnownFieldOfAnotherType(String json) {
        assertThat(InfoJson.isReadable(json.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[]", "[1]", "\"x\"", "5", "true", "{} {}", "{\"a\":}"})
    void refusesAnythingElse(String json) {
        assertThat(InfoJson.isReadable(json.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void nestingIsLimitedWhereGoLimitsIt() {
        String deepest = ConnectJsonTest.nestedInUnknownField(GoJsonMapper.MAX_DEPTH - 1);
        String tooDeep = ConnectJsonTest.nestedInUnknownField(GoJsonMapper.MAX_DEPTH);

        assertThat(InfoJson.isReadable(deepest.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(InfoJson.isReadable(tooDeep.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    /** The INFO of a 2.9.10 server as captured, apart from the identity, port and auth flag. */
    private static ServerInfo captured(String id, String name, int port, boolean authRequired) {
        return new ServerInfo(id, name, "2.9.10", 1, "", "go1.19.8", "127.0.0.1", port, true, authRequired, false,
                false, false, 1048576, false, "", 4, "127.0.0.1", "", "", "", List.of(), List.of(), false, false, "",
                false, "");
    }

    private static String encode(ServerInfo info) {
        return new String(InfoJson.encode(info), StandardCharsets.UTF_8);
    }
}
