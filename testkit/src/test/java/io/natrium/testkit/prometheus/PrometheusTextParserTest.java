package io.natrium.testkit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextParserTest {

    @Test
    void readsFamiliesWithHelpTypeLabelsValuesAndTimestamps() {
        Exposition exposition = PrometheusTextParser.parse("""
                # A free comment
                # HELP http_requests_total The total number of HTTP requests, a \\\\ and a \\n in it.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{ method = "post" , code="400", } 3
                \t
                # TYPE temperature gauge
                temperature -1.5e-3
                temperature{where="a \\"quoted\\" \\\\ back\\nslash"} +Inf
                up NaN
                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.5"} 4773
                rpc_duration_seconds_sum 1.7560473e+07
                rpc_duration_seconds_count 2693
                """);

        assertThat(exposition.families()).extracting(MetricFamily::name)
                .containsExactly("http_requests_total", "temperature", "up", "rpc_duration_seconds");
        MetricFamily requests = exposition.family("http_requests_total");
        assertThat(requests.type()).isEqualTo("counter");
        assertThat(requests.typeDeclared()).isTrue();
        assertThat(requests.help()).isEqualTo("The total number of HTTP requests, a \\ and a \n in it.");
        assertThat(requests.samples().get(0).labels()).containsExactly(Map.entry("method", "post"),
                Map.entry("code", "200"));
        assertThat(requests.samples().get(0).timestamp()).isEqualTo(1395066363000L);
        assertThat(exposition.value("http_requests_total", "code", "400")).isEqualTo(3);
        assertThat(exposition.value("temperature", "where", "a \"quoted\" \\ back\nslash"))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(exposition.samples("temperature")).hasSize(2);
        assertThat(exposition.family("up").typeDeclared()).isFalse();
        assertThat(exposition.family("up").type()).isEqualTo("untyped");
        assertThat(exposition.value("up")).isNaN();
        assertThat(exposition.family("rpc_duration_seconds").samples()).extracting(Sample::name)
                .containsExactly("rpc_duration_seconds", "rpc_duration_seconds_sum", "rpc_duration_seconds_count");
        assertThat(PrometheusTextParser.parse("").families()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "m 1",
        "m 1\nn 2",
        "1m 1\n",
        "m-x 1\n",
        "m{} \n",
        "m{a=\"1\"}1\n",
        "m1\n",
        "m{a=\"1\",a=\"2\"} 1\n",
        "m{__name__=\"x\"} 1\n",
        "m{a-b=\"1\"} 1\n",
        "m{a=1} 1\n",
        "m{a=\"unterminated} 1\n",
        "m{a=\"bad \\t escape\"} 1\n",
        "m{a=\"1\" b=\"2\"} 1\n",
        "m one\n",
        "m 1 2.5\n",
        "m 1 2 3\n",
        "m 0x10\n",
        "# TYPE m gauge\n# TYPE m gauge\n",
        "# TYPE m gauges\n",
        "# TYPE m gauge extra\n",
        "# HELP m a\n# HELP m b\n",
        "# HELP m bad \\t escape\n",
        "m 1\n# TYPE m gauge\n",
        "m 1\nn 1\nm 2\n",
        "m 1\nn 1\n# HELP m late\n",
        "m{a=\"1\"} 1\nm{a=\"1\"} 2\n",
        "m{a=\"1\",b=\"2\"} 1\nm{b=\"2\",a=\"1\"} 2\n"})
    void refusesWhatPrometheusRefuses(String text) {
        assertThatThrownBy(() -> PrometheusTextParser.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE m gauge\nm 1\nm{x=\"\\q\"} 2\n"))
                .hasMessageStartingWith("line 3: bad escape \\q in a label value");
    }

    @Test
    void valueFindsExactlyOneSample() {
        Exposition exposition = PrometheusTextParser.parse("m{a=\"1\",b=\"x\"} 1\nm{a=\"2\",b=\"x\"} 2\n");

        assertThat(exposition.value("m", "a", "2")).isEqualTo(2);
        assertThatThrownBy(() -> exposition.value("m", "b", "x")).hasMessageContaining("2 samples");
        assertThatThrownBy(() -> exposition.value("m", "a", "3")).hasMessageContaining("0 samples");
        assertThatThrownBy(() -> exposition.family("n")).hasMessageContaining("no metric family n");
    }
}
