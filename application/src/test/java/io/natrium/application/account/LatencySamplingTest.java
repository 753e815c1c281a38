package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.account.ServiceLatency;
import io.natrium.testkit.memory.BytesMessage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests a latency-tracking export measures, and the tracing headers it reports. */
class LatencySamplingTest {

    private static final ServiceLatency ALWAYS = new ServiceLatency(100, false, "lat");
    private static final ServiceLatency BY_HEADERS = new ServiceLatency(0, true, "lat");

    @Test
    void everyRequestIsMeasuredAtOneHundredPercent() {
        assertThat(LatencySampling.decide(ALWAYS, new BytesMessage("s", "r", null, "x")))
                .isEqualTo(new LatencySampling.Sample(null));
    }

    @Test
    void withoutTrackingOrTracingHeadersNothingIsMeasured() {
        assertThat(LatencySampling.decide(null, new BytesMessage("s", "r", null, "x"))).isNull();
        assertThat(LatencySampling.decide(BY_HEADERS, new BytesMessage("s", "r", null, "x"))).isNull();
        assertThat(LatencySampling.decide(BY_HEADERS,
                new BytesMessage("s", "r", "NATS/1.0\r\nOther: 1\r\n\r\n", "x"))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|Traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "uber-trace-id: 479fefe9525eddb:5adb976bfc1f95c1:479fefe9525eddb:1|Uber-Trace-Id|479fefe9525eddb:5adb976bfc1f95c1:479fefe9525eddb:1",
        "X-B3-Sampled: 1|X-B3-Sampled|1",
        "X-B3-TraceId: 80f198ee56343ba864fe8b2a57d3eff7|X-B3-Traceid|80f198ee56343ba864fe8b2a57d3eff7",
        "b3: 80f198ee56343ba8-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90|B3|80f198ee56343ba8-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90"})
    void aSampledTraceIsMeasuredAndItsHeadersReported(String header, String key, String value) {
        LatencySampling.Sample sample = LatencySampling.decide(BY_HEADERS,
                new BytesMessage("s", "r", "NATS/1.0\r\n" + header + "\r\n\r\n", "x"));

        assertThat(sample).isEqualTo(new LatencySampling.Sample(Map.of(key, List.of(value))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        "Traceparent|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-ff",
        "Uber-Trace-Id|479fefe9525eddb:5adb976bfc1f95c1:479fefe9525eddb:0",
        "Uber-Trace-Id|479fefe9525eddb:5adb976bfc1f95c1",
        "X-B3-Sampled|0",
        "B3|0",
        "B3|80f198ee56343ba8-e457b5a2e4d86bd1-0"})
    void anUnsampledTraceIsNotMeasured(String key, String value) {
        assertThat(LatencySampling.byHeaders(Map.of(key, List.of(value)))).isNull();
    }

    @Test
    void companionHeadersTravelWithTheTrace() {
        assertThat(LatencySampling.byHeaders(Map.of("Traceparent", List.of("00-a-b-01"), "Tracestate", List.of("k=v"),
                "Other", List.of("x"))))
                .isEqualTo(new LatencySampling.Sample(Map.of("Traceparent", List.of("00-a-b-01"), "Tracestate",
                        List.of("k=v"))));
        LatencySampling.Sample b3 = LatencySampling.byHeaders(Map.of("X-B3-Sampled", List.of("1"), "X-B3-Spanid",
                List.of("s"), "X-B3-Parentspanid", List.of("p"), "Other", List.of("x")));
        assertThat(b3.header()).as("in key order, as the report lists them")
                .containsExactly(Map.entry("X-B3-Parentspanid", List.of("p")), Map.entry("X-B3-Sampled", List.of("1")),
                        Map.entry("X-B3-Spanid", List.of("s")));
    }

    @Test
    void headerKeysAreCanonicalAsGoMakesThem() {
        assertThat(LatencySampling.canonical("x-b3-traceid")).isEqualTo("X-B3-Traceid");
        assertThat(LatencySampling.canonical("TRACEPARENT")).isEqualTo("Traceparent");
        assertThat(LatencySampling.canonical("uberctx-user")).isEqualTo("Uberctx-User");
    }
}
