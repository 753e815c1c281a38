package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.CommandLine;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class EarlyAddressTest {

    @Test
    void readsThePortAndAddressToolsWrite() {
        assertThat(EarlyAddress.of(new String[] {"--port", "4567"})).contains(new EarlyAddress("0.0.0.0", 4567));
        assertThat(EarlyAddress.of(new String[] {"-a", "127.0.0.1", "-p", "-1"}))
                .contains(new EarlyAddress("127.0.0.1", -1));
        assertThat(EarlyAddress.of(new String[] {"--addr=localhost", "-port=5"}))
                .contains(new EarlyAddress("localhost", 5));
        assertThat(EarlyAddress.of(new String[0])).contains(new EarlyAddress("0.0.0.0", 4222));
    }

    @Test
    void anythingElseOnTheCommandLineLeavesTheBindToTheConfiguration() {
        assertThat(EarlyAddress.of(new String[] {"--port", "4567", "-c", "nats.conf"})).isEmpty();
        assertThat(EarlyAddress.of(new String[] {"-p", "4567", "-DV"})).isEmpty();
        assertThat(EarlyAddress.of(new String[] {"-p", "0x10"})).isEmpty();
        assertThat(EarlyAddress.of(new String[] {"-p"})).isEmpty();
        assertThat(EarlyAddress.of(new String[] {"-a", "-p", "4222"})).isEmpty();
        assertThat(EarlyAddress.of(new String[] {"check", "nats.conf"})).isEmpty();
    }

    @Test
    void matchesTheSettingsTheFullParseMakesOfTheSameCommandLine() throws Exception {
        for (String[] args : new String[][] {{"--port", "4567"}, {"-a", "127.0.0.1", "-p", "-1"}, {"-p", "0"}, {}}) {
            Optional<EarlyAddress> early = EarlyAddress.of(args);
            assertThat(early).isPresent();
            assertThat(early.orElseThrow().matches(CommandLine.parse(args).settings())).as(String.join(" ", args))
                    .isTrue();
        }
        assertThat(new EarlyAddress("127.0.0.1", 4567).matches(CommandLine.parse("-p", "4568").settings())).isFalse();
        assertThat(new EarlyAddress("127.0.0.1", 4567).matches(CommandLine.parse("-p", "4567").settings())).isFalse();
    }
}
