package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ConnectRequest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONNECT JSON read the way Go's {@code encoding/json} reads it into nats-server's {@code ClientOpts}. */
class ConnectJsonTest {

    @Test
    void readsEveryClientField() {
        ConnectRequest request = parse("{\"verbose\":false,\"pedantic\":true,\"tls_required\":true,"
                + "\"auth_token\":\"t\",\"user\":\"u\",\"pass\":\"p\",\"name\":\"n\",\"lang\":\"java\","
                + "\"version\":\"2.24.1\",\"protocol\":1,\"echo\":false,\"headers\":true,\"no_responders\":true,"
                + "\"nkey\":\"UA\",\"jwt\":\"j\",\"sig\":\"s\",\"account\":\"A\",\"new_account\":true,"
                + "\"proxy_sig\":\"ps\"}");

        assertThat(request).isEqualTo(new ConnectRequest(false, true, true, "t", "u", "p", "n", "java", "2.24.1", 1,
                false, true, true, "UA", "j", "s", "A", true, "ps"));
    }

    @Test
    void matchesKeysCaseInsensitively() {
        ConnectRequest request = parse("{\"VERBOSE\":false,\"Pedantic\":false,\"No_Responders\":true,"
                + "\"AUTH_TOKEN\":\"t\",\"Protocol\":1}");

        assertThat(RecordingSession.describe(request))
                .isEqualTo("{verbose=false, pedantic=false, authToken=t, protocol=1, noResponders=true}");
    }

    @Test
    void theLastOfTwoKeysForOneFieldWins() {
        // nats-server: {"verbose":true,"VERBOSE":false} leaves the client quiet.
        assertThat(parse("{\"verbose\":true,\"VERBOSE\":false}").verbose()).isFalse();
        assertThat(parse("{\"name\":\"a\",\"name\":\"b\"}").name()).isEqualTo("b");
    }

    @Test
    void ignoresUnknownKeysWhateverTheirValues() {
        ConnectRequest request = parse("{\"x\":{\"a\":[1,{},null]},\"y\":\"z\",\"ssl_required\":false,"
                + "\"verbose\":false,\"z\":1.5}");

        assertThat(RecordingSession.describe(request)).isEqualTo("{verbose=false}");
    }

    @Test
    void nullLeavesAFieldUnset() {
        assertThat(parse("{\"verbose\":null,\"name\":null,\"protocol\":null,\"headers\":null}"))
                .isEqualTo(ConnectRequest.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", " { } ", "null", "\tnull "})
    void anEmptyObjectOrNullSetsNothing(String json) {
        assertThat(parse(json)).isEqualTo(ConnectRequest.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "}", "[]", "\"x\"", "5", "true", "{} x", "{}{}", "{\"verbose\":tru}", "{'verbose':true}",
        "{verbose:true}", "{\"verbose\":true,}", "{/*c*/}", "{\"verbose\":\"yes\"}", "{\"verbose\":1}",
        "{\"pedantic\":\"true\"}", "{\"echo\":[]}", "{\"name\":5}", "{\"name\":true}", "{\"name\":{}}",
        "{\"protocol\":1.5}", "{\"protocol\":1e0}", "{\"protocol\":\"1\"}", "{\"protocol\":true}",
        "{\"protocol\":99999999999999999999}", "{\"protocol\":01}"})
    void rejectsInvalidJsonAndValuesOfTheWrongType(String json) {
        assertThat(parse(json)).isNull();
    }

    @Test
    void aProtocolBeyondIntStillReachesTheSessionAsAnInvalidProtocol() {
        // Go reads it into an int64 and answers -ERR 'invalid client protocol': it is not a JSON error.
        assertThat(parse("{\"protocol\":1099511627776}").protocol()).isEqualTo(Integer.MAX_VALUE);
        assertThat(parse("{\"protocol\":-1099511627776}").protocol()).isEqualTo(Integer.MIN_VALUE);
        assertThat(parse("{\"protocol\":-1}").protocol()).isEqualTo(-1);
    }

    @Test
    void invalidUtf8InAStringIsReplacedAsGoDoes() {
        // nats-server accepts {"name":"\xff"}; Go decodes the bad byte as U+FFFD.
        ConnectRequest request = ConnectJson.parse(bytes("{\"verbose\":true,\"name\":\"a\u00ffb\"}"));

        assertThat(request).isNotNull();
        assertThat(request.name()).isEqualTo("a\ufffdb");
        assertThat(request.verbose()).isTrue();
    }

    /** Go's errors, as nats-server 2.9.10 logged them for the same CONNECT arguments. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"verbose\":\"yes\"}   | json: cannot unmarshal string into Go struct field ClientOpts.verbose of type bool",
        "{\"Verbose\":\"x\"}     | json: cannot unmarshal string into Go struct field ClientOpts.verbose of type bool",
        "{\"protocol\":1.5}      | json: cannot unmarshal number 1.5 into Go struct field ClientOpts.protocol of type int",
        "{\"protocol\":1e0}      | json: cannot unmarshal number 1e0 into Go struct field ClientOpts.protocol of type int",
        "{\"protocol\":\"1\"}    | json: cannot unmarshal string into Go struct field ClientOpts.protocol of type int",
        "{\"protocol\":-9223372036854775809} | json: cannot unmarshal number -9223372036854775809 into Go struct "
                + "field ClientOpts.protocol of type int",
        "{\"echo\":[]}           | json: cannot unmarshal array into Go struct field ClientOpts.echo of type bool",
        "{\"name\":{}}           | json: cannot unmarshal object into Go struct field ClientOpts.name of type string",
        "{\"name\":true}         | json: cannot unmarshal bool into Go struct field ClientOpts.name of type string",
        "{\"verbose\":1,\"name\":2} | json: cannot unmarshal number into Go struct field ClientOpts.verbose of type bool",
        "true                    | json: cannot unmarshal bool into Go value of type server.ClientOpts",
        "[1]                     | json: cannot unmarshal array into Go value of type server.ClientOpts",
        "{\"import\":[]}         | json: cannot unmarshal array into Go struct field ClientOpts.import of type "
                + "server.SubjectPermission",
        "{\"export\":{\"Deny\":{}}} | json: cannot unmarshal object into Go struct field SubjectPermission.export.deny "
                + "of type []string",
        "{\"import\":{\"allow\":[\"a\",[1]]}} | json: cannot unmarshal array into Go struct field "
                + "SubjectPermission.import.allow of type string",
        "{\"import\":{\"allow\":5},\"verbose\":\"x\"} | json: cannot unmarshal number into Go struct field "
                + "SubjectPermission.import.allow of type []string",
        "{\"verbose\":\"x\"} x   | invalid character 'x' after top-level value",
        "{bad                    | invalid character 'b' looking for beginning of object key string",
        "``                      | unexpected end of JSON input"})
    void aRefusedConnectComesWithGosError(String json, String error) {
        ConnectJson.Result result = ConnectJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result.request()).isNull();
        assertThat(result.error()).isEqualTo(error);
    }

    @Test
    void importAndExportAreReadAsNatsServerReadsThem() {
        assertThat(parse("{\"import\":{\"allow\":[\"a\",null],\"deny\":null,\"x\":1},\"export\":null}"))
                .isEqualTo(ConnectRequest.empty());
        assertThat(parse("{\"import\":5}")).as("nats-server closes the connection").isNull();
    }

    @Test
    void nestingIsLimitedWhereGoLimitsIt() {
        // Go's decoder allows 10,000 open objects and arrays, the CONNECT object included; one more is an error.
        assertThat(parse(nestedInUnknownField(GoJsonMapper.MAX_DEPTH - 1))).isEqualTo(ConnectRequest.empty());
        assertThat(parse(nestedInUnknownField(GoJsonMapper.MAX_DEPTH))).isNull();
    }

    @Test
    void namesAndNumbersOfAnyLengthAreRead() {
        assertThat(parse("{\"" + "k".repeat(60_000) + "\":1}")).isEqualTo(ConnectRequest.empty());
        assertThat(parse("{\"x\":" + "1".repeat(100_000) + "}")).as("skipped unread, as Go skips it")
                .isEqualTo(ConnectRequest.empty());
        assertThat(parse("{\"x\":1." + "1".repeat(4000) + "}")).isEqualTo(ConnectRequest.empty());
    }

    /** A CONNECT with {@code arrays} nested arrays in a field nats-server does not know. */
    static String nestedInUnknownField(int arrays) {
        return "{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    }

    @Test
    void readsUtf8Strings() {
        assertThat(parse("{\"name\":\"caf\u00e9 \u20ac \\u00e9\\n\"}").name()).isEqualTo("caf\u00e9 \u20ac \u00e9\n");
    }

    private static ConnectRequest parse(String json) {
        return ConnectJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
