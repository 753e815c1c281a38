package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GoJsonTest {

    record Inner(long count) {
    }

    record Sample(
            String serverId,
            Instant now,
            double rate,
            List<String> names,
            List<String> none,
            Map<String, Object> empty,
            Map<String, Long> counts,
            Inner inner,
            @OmitEmpty String omittedText,
            @OmitEmpty long omittedNumber,
            @OmitEmpty boolean omittedFlag,
            @OmitEmpty List<String> omittedList,
            @OmitEmpty Instant omittedTime,
            String nullText) {
    }

    private static final Sample SAMPLE = new Sample("N1", Instant.parse("2026-11-27T01:41:34.100Z"), 1.0,
            List.of("a", "b"), List.of(), Map.of(), Map.of("/varz", 2L, "/connz", 1L), new Inner(3), "", 0, false,
            List.of(), null, null);

    @Test
    void indentedIsGosMarshalIndentWithTwoSpaces() {
        assertThat(text(GoJson.indented(SAMPLE))).isEqualTo("""
                {
                  "server_id": "N1",
                  "now": "2026-11-27T01:41:34.1Z",
                  "rate": 1,
                  "names": [
                    "a",
                    "b"
                  ],
                  "none": [],
                  "empty": {},
                  "counts": {
                    "/connz": 1,
                    "/varz": 2
                  },
                  "inner": {
                    "count": 3
                  },
                  "null_text": null
                }""");
    }

    @Test
    void compactIsGosMarshal() {
        assertThat(text(GoJson.compact(new Inner(3)))).isEqualTo("{\"count\":3}");
        assertThat(text(GoJson.compact(new HealthzJson("ok", 0, "", List.of())))).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void omitEmptyKeepsWhatIsSet() {
        Sample set = new Sample("N1", Instant.EPOCH, 0.5, List.of(), List.of(), Map.of(), Map.of(), new Inner(0), "x",
                7, true, List.of("y"), Instant.EPOCH, "z");
        assertThat(text(GoJson.compact(set))).contains("\"omitted_text\":\"x\"", "\"omitted_number\":7",
                "\"omitted_flag\":true", "\"omitted_list\":[\"y\"]",
                "\"omitted_time\":\"1970-01-01T00:00:00Z\"", "\"rate\":0.5");
    }

    @Test
    void htmlCharactersAndSeparatorsAreEscapedAsGoDoes() {
        record Subject(String subject) {
        }
        assertThat(text(GoJson.compact(new Subject("foo.> <&> \u2028\u2029 \"q\" \\ \t\n\u0001 é"))))
                .isEqualTo("{\"subject\":\"foo.\\u003e \\u003c\\u0026\\u003e \\u2028\\u2029 \\\"q\\\" \\\\ "
                        + "\\t\\n\\u0001 é\"}");
    }

    @Test
    void backspaceAndFormFeedAreUnicodeEscapesAsInGoBefore122() {
        record Name(String name) {
        }
        assertThat(text(GoJson.compact(new Name("a\bb\fc\rd")))).isEqualTo("{\"name\":\"a\\u0008b\\u000cc\\rd\"}");
    }

    @Test
    void emptyNestedObjectsAndArraysCloseOnTheSameLine() {
        assertThat(text(GoJson.indented(new GatewayzJson("N", Instant.EPOCH, Map.of(), Map.of()))))
                .isEqualTo("""
                        {
                          "server_id": "N",
                          "now": "1970-01-01T00:00:00Z",
                          "outbound_gateways": {},
                          "inbound_gateways": {}
                        }""");
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
