package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorPathsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
        "'', /",
        "/, /",
        "mon, /mon",
        "/mon/, /mon",
        "//mon//x/, /mon/x",
        "/mon/./x/../y, /mon/y"})
    void basePathIsNormalizedAsNatsServerDoes(String configured, String expected) {
        assertThat(MonitorPaths.normalizeBasePath(configured)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "/, /, /",
        "/, /varz, /varz",
        "/mon, /, /mon",
        "/mon, /varz, /mon/varz",
        "/a/b, /connz, /a/b/connz"})
    void endpointsAreJoinedToTheBasePath(String base, String path, String expected) {
        assertThat(MonitorPaths.join(base, path)).isEqualTo(expected);
    }
}
