package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.TlsSettings;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void noFlagsMeansNatsServerDefaults() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse();

        assertThat(parsed.action()).isEqualTo(CommandLine.Action.RUN);
        assertThat(parsed.settings()).isEqualTo(ServerSettings.defaults());
        assertThat(parsed.configFile()).isNull();
        assertThat(parsed.flags().isEmpty()).isTrue();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.unsupported()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-p 4333", "--port 4333", "-p=4333", "--port=4333", "-p 0x10ED", "-p 010355",
        "-p 4_333"})
    void acceptsEveryGoSpellingOfAnIntFlag(String flags) throws Exception {
        assertThat(CommandLine.parse(flags.split(" ")).settings().port()).isEqualTo(4333);
    }

    private static Arguments flag(String flags, Function<ServerSettings, Object> read, Object expected,
            Set<Setting> settings) {
        return Arguments.of(flags, read, expected, settings);
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                flag("-a 10.0.0.1", ServerSettings::host, "10.0.0.1", EnumSet.of(Setting.HOST)),
                flag("--addr 10.0.0.2", ServerSettings::host, "10.0.0.2", EnumSet.of(Setting.HOST)),
                flag("--net 10.0.0.3", ServerSettings::host, "10.0.0.3", EnumSet.of(Setting.HOST)),
                flag("-p -1", ServerSettings::port, -1, EnumSet.of(Setting.PORT)),
                flag("-p 0", ServerSettings::port, 4222, EnumSet.of(Setting.PORT)),
                flag("-n alpha", ServerSettings::serverName, "alpha", EnumSet.of(Setting.SERVER_NAME)),
                flag("--name beta", ServerSettings::serverName, "beta", EnumSet.of(Setting.SERVER_NAME)),
                flag("-server_name gamma", ServerSettings::serverName, "gamma", EnumSet.of(Setting.SERVER_NAME)),
                flag("--client_advertise x:4222", s -> s.network().clientAdvertise(), "x:4222",
                        EnumSet.of(Setting.CLIENT_ADVERTISE)),
                flag("-m 8222", s -> s.monitoring().httpPort(), 8222, EnumSet.of(Setting.HTTP_PORT)),
                flag("--http_port 8223", s -> s.monitoring().httpPort(), 8223, EnumSet.of(Setting.HTTP_PORT)),
                flag("--user u", s -> s.authorization().user(), "u", EnumSet.of(Setting.USER)),
                flag("--pass p", s -> s.authorization().password(), "p", EnumSet.of(Setting.PASSWORD)),
                flag("--auth t", s -> s.authorization().token(), "t", EnumSet.of(Setting.TOKEN)),
                flag("-P /run/n.pid", s -> s.processFiles().pidFile(), "/run/n.pid", EnumSet.of(Setting.PIDFILE)),
                flag("--pid /run/m.pid", s -> s.processFiles().pidFile(), "/run/m.pid", EnumSet.of(Setting.PIDFILE)),
                flag("--ports_file_dir /run", s -> s.processFiles().portsFileDir(), "/run",
                        EnumSet.of(Setting.PORTS_FILE_DIR)),
                flag("-D", s -> List.of(s.logging().debug(), s.logging().trace(), s.logging().traceVerbose()),
                        List.of(true, false, false), EnumSet.of(Setting.DEBUG)),
                flag("--debug=false", s -> s.logging().debug(), false, EnumSet.of(Setting.DEBUG)),
                flag("-V", s -> List.of(s.logging().debug(), s.logging().trace(), s.logging().traceVerbose()),
                        List.of(false, true, false), EnumSet.of(Setting.TRACE)),
                flag("--trace", s -> s.logging().trace(), true, EnumSet.of(Setting.TRACE)),
                flag("-VV", s -> List.of(s.logging().debug(), s.logging().trace(), s.logging().traceVerbose()),
                        List.of(false, true, true), EnumSet.of(Setting.TRACE, Setting.TRACE_VERBOSE)),
                flag("-DV", s -> List.of(s.logging().debug(), s.logging().trace(), s.logging().traceVerbose()),
                        List.of(true, true, false), EnumSet.of(Setting.DEBUG, Setting.TRACE)),
                flag("-DVV", s -> List.of(s.logging().debug(), s.logging().trace(), s.logging().traceVerbose()),
                        List.of(true, true, true), EnumSet.of(Setting.DEBUG, Setting.TRACE, Setting.TRACE_VERBOSE)),
                flag("-T=false", s -> List.of(s.logging().logTime(), s.logging().trace()), List.of(false, false),
                        EnumSet.of(Setting.LOGTIME)),
                flag("--logtime=0", s -> s.logging().logTime(), false, EnumSet.of(Setting.LOGTIME)),
                flag("--logtime_utc", s -> s.logging().logTimeUtc(), true, EnumSet.of(Setting.LOGTIME_UTC)),
                flag("-l /var/log/n.log", s -> s.logging().logFile(), "/var/log/n.log", EnumSet.of(Setting.LOGFILE)),
                flag("--log /var/log/m.log", s -> s.logging().logFile(), "/var/log/m.log",
                        EnumSet.of(Setting.LOGFILE)),
                flag("--log_size_limit 1048576", s -> s.logging().logSizeLimit(), 1048576L,
                        EnumSet.of(Setting.LOGFILE_SIZE_LIMIT)),
                flag("-s", s -> s.logging().syslog(), true, EnumSet.of(Setting.SYSLOG)),
                flag("--syslog=false", s -> s.logging().syslog(), false, EnumSet.of(Setting.SYSLOG)),
                flag("-r udp://h:514", s -> s.logging().remoteSyslog(), "udp://h:514",
                        EnumSet.of(Setting.REMOTE_SYSLOG)),
                flag("--remote_syslog udp://i:514", s -> s.logging().remoteSyslog(), "udp://i:514",
                        EnumSet.of(Setting.REMOTE_SYSLOG)),
                flag("--max_traced_msg_len 64", s -> s.logging().maxTracedMsgLen(), 64,
                        EnumSet.of(Setting.MAX_TRACED_MSG_LEN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void mapsEveryFlagAndRecordsItAsSetOnTheCommandLine(String flags, Function<ServerSettings, Object> read,
            Object expected, Set<Setting> settings) throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse(flags.split(" "));

        assertThat(read.apply(parsed.settings())).isEqualTo(expected);
        assertThat(parsed.flags().settings()).isEqualTo(settings);
        assertThat(parsed.settings().origin().commandLine()).isEqualTo(settings);
        assertThat(parsed.unsupported()).isEmpty();
    }

    @Test
    void mapsTheProfilingFlagAndListsItAsNotSupportedYet() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse("--profile", "6060");

        assertThat(parsed.settings().profiling().port()).isEqualTo(6060);
        assertThat(parsed.flags().settings()).containsExactly(Setting.PROF_PORT);
        assertThat(parsed.refusals()).isEmpty();
        assertThat(parsed.unsupported()).extracting(UnsupportedOption::toString)
                .containsExactly("flag -profile is not supported by Natrium yet and is ignored");
    }

    static Stream<Arguments> refusedFlags() {
        return Stream.of(
                // TLS and HTTPS monitoring are built: their flags ask for nothing Natrium lacks.
                refused("-ms 8443", s -> s.monitoring().httpsPort(), 8443),
                refused("--https_port 8444", s -> s.monitoring().httpsPort(), 8444),
                refused("--tlscert c --tlskey k", ServerSettings::tls, TlsSettings.ofFiles("c", "k", null, false)),
                refused("--tls --tlsverify --tlscert c --tlskey k --tlscacert ca", ServerSettings::tls,
                        TlsSettings.ofFiles("c", "k", "ca", true)),
                refused("--tls=false", ServerSettings::tls, null),
                refused("--tls=false --tlscert c", ServerSettings::tls, null),
                refused("-ms 0", s -> s.monitoring().httpsPort(), 0));
    }

    private static Arguments refused(String flags, Function<ServerSettings, Object> read, Object expected,
            String... refusals) {
        return Arguments.of(flags, read, expected, List.of(refusals));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFlags")
    void refusesFlagsAskingForTlsOrHttpsUntilTheyAreBuilt(String flags, Function<ServerSettings, Object> read,
            Object expected, List<String> refusals) throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse(flags.split(" "));

        assertThat(read.apply(parsed.settings())).isEqualTo(expected);
        assertThat(parsed.refusals()).containsExactlyElementsOf(refusals);
        assertThat(parsed.unsupported()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-v|VERSION", "--version|VERSION", "version|VERSION", "VERSION|VERSION", "-h|HELP", "--help|HELP",
            "help|HELP", "--help_tls|TLS_HELP", "-v -h|VERSION", "-h --help_tls|HELP", "-h=false|RUN",
            "-c n.conf -t|CHECK_CONFIG", "-t -c n.conf|CHECK_CONFIG", "-sl reload -t|SIGNAL",
            "-c n.conf|RUN"})
    void saysWhatToDo(String flags, CommandLine.Action action) throws Exception {
        assertThat(CommandLine.parse(flags.split(" ")).action()).isEqualTo(action);
    }

    @Test
    void keepsTheConfigurationFile() throws Exception {
        assertThat(CommandLine.parse("-c", "/etc/nats.conf").configFile()).isEqualTo("/etc/nats.conf");
        assertThat(CommandLine.parse("--config=x.conf", "-t").configFile()).isEqualTo("x.conf");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "reload|RELOAD|-", "ldm=1234|LDM|1234", "quit=/var/run/nats.pid|QUIT|/var/run/nats.pid",
            "stop=12*|STOP|12*", "term|TERM|-", "reopen=|REOPEN|''"})
    void parsesSignals(String value, SignalCommand command, String pid) throws Exception {
        for (String flag : List.of("-sl", "--signal")) {
            CommandLine.Parsed parsed = CommandLine.parse(flag, value);
            assertThat(parsed.action()).isEqualTo(CommandLine.Action.SIGNAL);
            assertThat(parsed.signal()).isEqualTo(new SignalRequest(command, pid));
        }
    }

    @Test
    void namesTheUnixSignalOfEachCommand() {
        assertThat(SignalCommand.values()).extracting(SignalCommand::command, SignalCommand::signal).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ldm", "SIGUSR2"),
                org.assertj.core.groups.Tuple.tuple("stop", "SIGKILL"),
                org.assertj.core.groups.Tuple.tuple("quit", "SIGINT"),
                org.assertj.core.groups.Tuple.tuple("term", "SIGTERM"),
                org.assertj.core.groups.Tuple.tuple("reopen", "SIGUSR1"),
                org.assertj.core.groups.Tuple.tuple("reload", "SIGHUP"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--bogus|true|flag provided but not defined: -bogus",
            "-p abc|true|invalid value \"abc\" for flag -p: parse error",
            "-p 99999999999|true|invalid value \"99999999999\" for flag -p: value out of range",
            "-p 1__0|true|invalid value \"1__0\" for flag -p: parse error",
            "-p|true|flag needs an argument: -p",
            "-D=maybe|true|invalid boolean value \"maybe\" for -D: parse error",
            "---p|true|bad flag syntax: ---p",
            "-=x|true|bad flag syntax: -=x",
            "-t|false|must specify [-c, --config] option to check configuration file syntax",
            "-sl bogus|false|unknown signal \"bogus\"",
            "-sl RELOAD|false|unknown signal \"RELOAD\"",
            "--signal reload=1=2|false|invalid signal parameters: [2]",
            "--signal reload=1=2=3|false|invalid signal parameters: [2 3]",
            "--tls|false|TLS Server certificate must be present and valid",
            "--tlsverify --tlscert c|false|TLS Server private key must be present and valid",
            "--tlskey k|false|TLS Server certificate must be present and valid"})
    void reportsGoFlagErrorsAndNatsServersOwn(String flags, boolean flagError, String message) {
        assertThatThrownBy(() -> CommandLine.parse(flags.split(" "))).isInstanceOfSatisfying(
                CommandLineException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.isFlagError()).isEqualTo(flagError);
                    assertThat(e.isHelp()).isFalse();
                });
    }

    @Test
    void stopsAtTheFirstNonFlagAndAtDoubleDash() throws Exception {
        assertThat(CommandLine.parse("-p", "1", "extra", "-p", "2").settings().port()).isEqualTo(1);
        assertThat(CommandLine.parse("-p", "1", "--", "-p", "2").settings().port()).isEqualTo(1);
    }

    @Test
    void theLastOfARepeatedFlagWins() throws Exception {
        assertThat(CommandLine.parse("-p", "1", "-p", "2").settings().port()).isEqualTo(2);
        assertThat(CommandLine.parse("-D", "-D=false").settings().logging().debug()).isFalse();
    }

    @Test
    void valueFlagsTakeTheNextArgumentEvenIfItLooksLikeAFlag() throws Exception {
        assertThat(CommandLine.parse("-n", "-D").settings().serverName()).isEqualTo("-D");
    }

    @Test
    void acceptsOutOfScopeFlagsWithAWarning() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse("-js", "--cluster", "nats://x:6222",
                "--routes", "nats://y:6222", "--cluster_name", "c", "--no_advertise", "--connect_retries", "3",
                "--cluster_listen", "nats://0.0.0.0:6222", "--cluster_advertise", "x", "--jetstream",
                "-p", "5000");

        assertThat(parsed.action()).isEqualTo(CommandLine.Action.RUN);
        assertThat(parsed.settings().port()).isEqualTo(5000);
        assertThat(parsed.warnings()).containsExactly("JetStream is not supported by Natrium; the flag is ignored",
                "clustering is not supported by Natrium; the flag is ignored");
        assertThat(parsed.solicitsRoutesWithoutListening()).isFalse();
    }

    @Test
    void notesRoutesToSolicitWithoutAClusterListener() throws Exception {
        assertThat(CommandLine.parse("--routes", "nats://y:6222").solicitsRoutesWithoutListening()).isTrue();
        assertThat(CommandLine.parse("--routes", "nats://y:6222", "--cluster_listen", "nats://0.0.0.0:6222")
                .solicitsRoutesWithoutListening()).isFalse();
        assertThat(CommandLine.parse("--routes", "").solicitsRoutesWithoutListening()).isFalse();
        assertThat(CommandLine.parse("--routes", "nats://y:6222", "--cluster", "")
                .solicitsRoutesWithoutListening()).isTrue();
    }

    @Test
    void theStoreDirectoryFlagsSetWhereTheMqttStateIsKept() throws Exception {
        assertThat(CommandLine.parse("-sd", "/tmp/store").settings().processFiles().storeDir())
                .isEqualTo("/tmp/store");
        assertThat(CommandLine.parse("--store_dir", "/s").settings().processFiles().storeDir()).isEqualTo("/s");
    }

    @Test
    void usageNamesEveryFlagAndMarksWhatIsNotSupported() {
        assertThat(CommandLine.usage()).contains("Usage: nats-server [options]", "--addr", "--port", "--name",
                "--server_name", "--pid", "--http_port", "--https_port", "--config", "-t ", "--signal",
                "--client_advertise", "--ports_file_dir", "--log ", "--logtime", "--syslog", "--remote_syslog",
                "--debug", "--trace", "-VV", "-DV", "-DVV", "--log_size_limit", "--max_traced_msg_len",
                "--logtime_utc", "--jetstream", "--store_dir", "--user", "--pass", "--auth", "--tls ", "--tlscert",
                "--tlskey", "--tlsverify", "--tlscacert", "--routes", "--cluster ", "--cluster_name",
                "--no_advertise", "--cluster_advertise", "--connect_retries", "--cluster_listen", "--profile",
                "--help", "--version", "--help_tls",
                "Authorization Options:\n", "TLS Options:\n",
                "-m, --http_port <port>           Use port for http monitoring\n",
                "JetStream Options (accepted, not supported by Natrium)",
                "Cluster Options (accepted, not supported by Natrium)");
    }

    @Test
    void tlsHelpListsCipherSuitesAndCurvesAsNatsServer2910Does() {
        String help = CommandLine.tlsHelp();
        String ciphers = help.substring(help.indexOf("Available cipher suites include:\n"),
                help.indexOf("\nAvailable curve preferences include:"));
        String curves = help.substring(help.indexOf("Available curve preferences include:\n"));

        assertThat(help).startsWith("\nTLS configuration is specified in the tls section").endsWith("CurveP521\n");
        // nats-server 2.9.10's 24 cipherMap names (its ChaCha20 names without _SHA256) and 4 curves.
        assertThat(ciphers.lines().skip(1)).hasSize(24).allMatch(line -> line.startsWith("    TLS_"))
                .contains("    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "    TLS_RSA_WITH_RC4_128_SHA",
                        "    TLS_AES_128_GCM_SHA256")
                .doesNotContain("    TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(curves.lines().skip(1)).containsExactly("    X25519", "    CurveP256", "    CurveP384",
                "    CurveP521");
    }
}
