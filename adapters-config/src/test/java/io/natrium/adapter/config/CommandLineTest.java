package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.settings.ServerSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void noFlagsMeansNatsServerDefaults() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse();

        assertThat(parsed.action()).isEqualTo(CommandLine.Action.RUN);
        assertThat(parsed.settings()).isEqualTo(ServerSettings.defaults());
        assertThat(parsed.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-p 4333", "--port 4333", "-p=4333", "--port=4333"})
    void acceptsEveryGoSpellingOfAValueFlag(String flags) throws Exception {
        assertThat(CommandLine.parse(flags.split(" ")).settings().port()).isEqualTo(4333);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"-a|10.0.0.1", "--addr|10.0.0.2", "--net|10.0.0.3"})
    void setsTheBindAddress(String flag, String host) throws Exception {
        assertThat(CommandLine.parse(flag, host).settings().host()).isEqualTo(host);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-n", "--name", "--server_name", "-server_name"})
    void setsTheServerName(String flag) throws Exception {
        assertThat(CommandLine.parse(flag, "alpha").settings().serverName()).isEqualTo("alpha");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-D|true|false|false", "--debug|true|false|false", "-V|false|true|false", "--trace|false|true|false",
            "-VV|false|true|true", "-DV|true|true|false", "-DVV|true|true|true", "-D=false|false|false|false"})
    void setsLogLevels(String flag, boolean debug, boolean trace, boolean verbose) throws Exception {
        var logging = CommandLine.parse(flag).settings().logging();

        assertThat(logging.debug()).isEqualTo(debug);
        assertThat(logging.trace()).isEqualTo(trace);
        assertThat(logging.traceVerbose()).isEqualTo(verbose);
    }

    @Test
    void logTimeIsOnByDefaultAndTIsLogTimeNotTrace() throws Exception {
        assertThat(CommandLine.parse().settings().logging().logTime()).isTrue();
        assertThat(CommandLine.parse("-T=false").settings().logging().logTime()).isFalse();
        assertThat(CommandLine.parse("--logtime=0").settings().logging().logTime()).isFalse();
        assertThat(CommandLine.parse("-T").settings().logging().trace()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-v", "--version", "version", "VERSION"})
    void asksForTheVersion(String flag) throws Exception {
        assertThat(CommandLine.parse(flag).action()).isEqualTo(CommandLine.Action.VERSION);
    }

    @Test
    void theWordHelpAsksForUsageAndTheFlagThrowsForIt() throws Exception {
        assertThat(CommandLine.parse("help").action()).isEqualTo(CommandLine.Action.HELP);
        assertThatThrownBy(() -> CommandLine.parse("-h")).isInstanceOfSatisfying(CommandLineException.class,
                e -> assertThat(e.isHelp()).isTrue());
        assertThatThrownBy(() -> CommandLine.parse("--help")).isInstanceOfSatisfying(CommandLineException.class,
                e -> assertThat(e.isHelp()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--bogus|flag provided but not defined: -bogus",
            "-p abc|invalid value \"abc\" for flag -p: parse error",
            "-p|flag needs an argument: -p",
            "-D=maybe|invalid boolean value \"maybe\" for -D: parse error",
            "---p|bad flag syntax: ---p",
            "-=x|bad flag syntax: -=x"})
    void reportsGoFlagErrors(String flags, String message) {
        assertThatThrownBy(() -> CommandLine.parse(flags.split(" "))).isInstanceOfSatisfying(
                CommandLineException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.isHelp()).isFalse();
                });
    }

    @Test
    void stopsAtTheFirstNonFlagAndAtDoubleDash() throws Exception {
        assertThat(CommandLine.parse("-p", "1", "extra", "-p", "2").settings().port()).isEqualTo(1);
        assertThat(CommandLine.parse("-p", "1", "--", "-p", "2").settings().port()).isEqualTo(1);
    }

    @Test
    void valueFlagsTakeTheNextArgumentEvenIfItLooksLikeAFlag() throws Exception {
        assertThat(CommandLine.parse("-n", "-D").settings().serverName()).isEqualTo("-D");
    }

    @Test
    void acceptsOutOfScopeFlagsWithAWarning() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse("-js", "-sd", "/tmp/store", "--cluster", "nats://x:6222",
                "--routes", "nats://y:6222", "--cluster_name", "c", "--no_advertise", "--connect_retries", "3",
                "--cluster_listen", "nats://0.0.0.0:6222", "--cluster_advertise", "x", "-p", "5000");

        assertThat(parsed.action()).isEqualTo(CommandLine.Action.RUN);
        assertThat(parsed.settings().port()).isEqualTo(5000);
        assertThat(parsed.warnings()).hasSize(2).allMatch(warning -> warning.contains("not supported by Natrium"));
    }

    @Test
    void usageNamesEveryFlagItAccepts() {
        assertThat(CommandLine.usage()).contains("Usage: nats-server [options]", "--addr", "--port", "--name",
                "--logtime", "--debug", "--trace", "-VV", "-DV", "-DVV", "--jetstream", "--store_dir", "--routes",
                "--help", "--version");
    }
}
