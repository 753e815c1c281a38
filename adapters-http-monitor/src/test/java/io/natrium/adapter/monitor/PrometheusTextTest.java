package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusTextTest {

    @Test
    void writesHelpTypeAndSamplesInOrder() {
        PrometheusText text = new PrometheusText()
                .family("gnatsd_varz_in_msgs", PrometheusText.Type.COUNTER, "in_msgs")
                .sample(5, "server_id", "NABC")
                .family("gnatsd_varz_mem", PrometheusText.Type.GAUGE, "mem")
                .sample(1.8108416e7)
                .family("up", PrometheusText.Type.UNTYPED, "whether it is up")
                .sample(1, "a", "x", "b", "y");

        assertThat(text.toString()).isEqualTo("""
                # HELP gnatsd_varz_in_msgs in_msgs
                # TYPE gnatsd_varz_in_msgs counter
                gnatsd_varz_in_msgs{server_id="NABC"} 5
                # HELP gnatsd_varz_mem mem
                # TYPE gnatsd_varz_mem gauge
                gnatsd_varz_mem 1.8108416e+07
                # HELP up whether it is up
                # TYPE up untyped
                up{a="x",b="y"} 1
                """);
    }

    @Test
    void escapesLabelValuesAndHelp() {
        String text = new PrometheusText()
                .family("m", PrometheusText.Type.GAUGE, "a \\ back\nslash and \"quotes\"")
                .sample(1, "name", "say \"hi\"\\n\nnext line, {braces}=ünïcödé")
                .toString();

        assertThat(text).isEqualTo("# HELP m a \\\\ back\\nslash and \"quotes\"\n"
                + "# TYPE m gauge\n"
                + "m{name=\"say \\\"hi\\\"\\\\n\\nnext line, {braces}=ünïcödé\"} 1\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-1, -1",
        "42, 42",
        "999999, 999999",
        "1000000, 1e+06",
        "1234567, 1.234567e+06",
        "18108416, 1.8108416e+07",
        "9223372036854775807, 9.223372036854776e+18",
        "0.75, 0.75",
        "0.1, 0.1",
        "100.5, 100.5",
        "0.3333333333333333, 0.3333333333333333",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "-2.5e-7, -2.5e-07",
        "1e21, 1e+21",
        "1e23, 1e+23",
        "1.5e300, 1.5e+300",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        // Java 17's Double.toString writes 2.82879384806159008E17 here: a digit too many.
        "2.82879384806159008e17, 2.82879384806159e+17",
        "NaN, NaN",
        "Infinity, +Inf",
        "-Infinity, -Inf"})
    void formatsNumbersAsPrometheusGoClientDoes(double value, String expected) {
        assertThat(PrometheusText.formatValue(value)).isEqualTo(expected);
    }

    @Test
    void everyFormattedNumberReadsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(6);
        // Random mantissas over the magnitudes metrics have (extremes are in the table above).
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double value = Math.scalb(random.nextDouble(), random.nextInt(-70, 70));
            String text = PrometheusText.formatValue(value);
            if (Double.parseDouble(text) != value || text.contains("E")) {
                wrong.add(value + " -> " + text);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void refusesBadMetricAndLabelNames() {
        assertThatThrownBy(() -> new PrometheusText().family("1abc", PrometheusText.Type.GAUGE, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrometheusText().family("a-b", PrometheusText.Type.GAUGE, ""))
                .isInstanceOf(IllegalArgumentException.class);
        PrometheusText text = new PrometheusText().family("ok:name_1", PrometheusText.Type.GAUGE, "");
        assertThatThrownBy(() -> text.sample(1, "__reserved", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> text.sample(1, "bad-label", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> text.sample(1, "9lives", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> text.sample(1, "odd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(text.toString()).as("nothing of a refused sample is left").endsWith("gauge\n");
    }

    @Test
    void refusesWhatAScraperWouldReject() {
        assertThatThrownBy(() -> new PrometheusText().sample(1)).isInstanceOf(IllegalStateException.class);

        PrometheusText twice = new PrometheusText().family("m", PrometheusText.Type.GAUGE, "");
        twice.family("n", PrometheusText.Type.GAUGE, "");
        assertThatThrownBy(() -> twice.family("m", PrometheusText.Type.GAUGE, ""))
                .isInstanceOf(IllegalStateException.class);

        PrometheusText samples = new PrometheusText().family("m", PrometheusText.Type.GAUGE, "")
                .sample(1, "cid", "1");
        assertThatThrownBy(() -> samples.sample(2, "cid", "1")).hasMessageContaining("written twice");
        assertThatThrownBy(() -> samples.sample(2, "cid", "2", "name", "x")).hasMessageContaining("differ");
        assertThatThrownBy(() -> samples.sample(2, "cid", "3", "cid", "4")).hasMessageContaining("repeated");
        samples.sample(2, "cid", "2");
        assertThat(samples.toString()).endsWith("m{cid=\"1\"} 1\nm{cid=\"2\"} 2\n");
    }
}
