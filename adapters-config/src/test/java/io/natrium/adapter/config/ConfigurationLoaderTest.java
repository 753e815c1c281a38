package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigError;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ParseResult;
import io.natrium.adapter.config.syntax.Position;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.TlsSettings;
import io.natrium.domain.text.GoDurations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigurationLoaderTest {

    private static final String DIGEST = "sha256:abc";

    /** Configuration files by name, as the parser would read them. */
    private final Map<Path, ParseResult> files = new HashMap<>();
    private final List<Path> read = new ArrayList<>();
    private final ConfigurationLoader loader = new ConfigurationLoader(file -> {
        read.add(file);
        return files.get(file);
    });

    private void file(String name, ConfigMap root) {
        files.put(Path.of(name), new ParseResult(root, List.of(), DIGEST));
    }

    private LoadedConfiguration load(String... args) throws CommandLineException {
        return loader.load(CommandLine.parse(args));
    }

    @Test
    void withoutAFileRunsOnTheFlags() throws Exception {
        LoadedConfiguration loaded = load("-p", "5000", "-D");

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.settings().port()).isEqualTo(5000);
        assertThat(loaded.settings().logging().debug()).isTrue();
        assertThat(loaded.settings().origin().configFile()).isNull();
        assertThat(read).isEmpty();
    }

    @Test
    void readsTheFileAndRecordsWhereTheSettingsCameFrom() throws Exception {
        file("n.conf", conf("port", 4000, "server_name", "alpha"));

        LoadedConfiguration loaded = load("-c", "n.conf");

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.settings().port()).isEqualTo(4000);
        assertThat(loaded.settings().serverName()).isEqualTo("alpha");
        assertThat(loaded.settings().origin().configFile()).isEqualTo("n.conf");
        assertThat(loaded.settings().origin().configDigest()).isEqualTo(DIGEST);
        assertThat(loaded.settings().origin().commandLine()).isEmpty();
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(conf("port", 4000), new String[] {"-p", "5000"}, "port", 5000),
                Arguments.of(conf("listen", "10.0.0.1:4000"), new String[] {"-a", "127.0.0.1"}, "host", "127.0.0.1"),
                Arguments.of(conf("server_name", "file"), new String[] {"-n", "flag"}, "name", "flag"),
                Arguments.of(conf("debug", true), new String[] {"-D=false"}, "debug", false),
                Arguments.of(conf("debug", true), new String[] {"-V"}, "debug", true),
                Arguments.of(conf("logtime", true), new String[] {"-T=false"}, "logtime", false),
                Arguments.of(conf("logtime", false), new String[] {}, "logtime", false),
                Arguments.of(conf("trace_verbose", true), new String[] {"-VV=false"}, "trace", false),
                Arguments.of(conf("logfile", "file.log"), new String[] {"-l", "flag.log"}, "logfile", "flag.log"),
                Arguments.of(conf("authorization", map("user", "file", "password", "p")),
                        new String[] {"--user", "flag"}, "user", "flag"),
                Arguments.of(conf("http_port", 8222), new String[] {"-m", "9222"}, "http", 9222));
    }

    @ParameterizedTest(name = "{2} from {1}")
    @MethodSource("precedence")
    void commandLineValuesWinOverTheFile(ConfigMap root, String[] flags, String option, Object expected)
            throws Exception {
        file("n.conf", root);
        List<String> args = new ArrayList<>(List.of("-c", "n.conf"));
        args.addAll(List.of(flags));

        LoadedConfiguration loaded = load(args.toArray(String[]::new));

        assertThat(loaded.errors()).isEmpty();
        assertThat(option(loaded.settings(), option)).isEqualTo(expected);
    }

    private static Object option(ServerSettings settings, String option) {
        return switch (option) {
            case "port" -> settings.port();
            case "host" -> settings.host();
            case "name" -> settings.serverName();
            case "debug" -> settings.logging().debug();
            case "trace" -> settings.logging().trace();
            case "logtime" -> settings.logging().logTime();
            case "logfile" -> settings.logging().logFile();
            case "user" -> settings.authorization().user();
            default -> settings.monitoring().httpPort();
        };
    }

    @Test
    void tlsFlagsReplaceTheFilesTls() throws Exception {
        file("n.conf", conf("port", 1, "tls", map("cert_file", "f.pem", "key_file", "f.key", "timeout", 5)));

        LoadedConfiguration replaced = load("-c", "n.conf", "--tlscert", "c.pem", "--tlskey", "c.key");
        LoadedConfiguration removed = load("-c", "n.conf", "--tls=false");

        assertThat(replaced.settings().tls().certificates().certFile()).isEqualTo("c.pem");
        assertThat(GoDurations.format(replaced.settings().tls().handshake().timeout())).isEqualTo("2s");
        assertThat(replaced.errors()).isEmpty();
        assertThat(removed.settings().tls()).isNull();
        assertThat(removed.errors()).isEmpty();
    }

    @Test
    void theTlsFilesAreCheckedWithTheConfigurationAtTheTlsKeyOrBareForTheFlags() throws Exception {
        file("n.conf", conf("port", 1, "tls", map("cert_file", "f.pem", "key_file", "f.key")));
        ConfigurationLoader checking = new ConfigurationLoader(files::get,
                tls -> "cannot load " + tls.certificates().certFile());

        assertThat(checking.load(CommandLine.parse("-c", "n.conf")).errors())
                .containsExactly("test.conf:2:1: cannot load f.pem");
        assertThat(checking.load(CommandLine.parse("-c", "n.conf", "--tlscert", "c.pem", "--tlskey", "k.pem"))
                .errors()).containsExactly("cannot load c.pem");
        assertThat(checking.load(CommandLine.parse("-c", "n.conf", "--tls=false")).errors()).isEmpty();
    }

    @Test
    void aHandshakeRateLimitIsBuiltAndLeavesTheOtherChecksToRun() throws Exception {
        file("n.conf", conf("tls", map("cert_file", "f.pem", "key_file", "f.key", "connection_rate_limit", 5),
                "no_auth_user", "x"));

        LoadedConfiguration loaded = load("-c", "n.conf");

        assertThat(loaded.errors()).containsExactly("no_auth_user: \"x\" present, but users/nkeys are not defined");
        assertThat(loaded.errorsBesidesRefusals()).containsExactly(
                "no_auth_user: \"x\" present, but users/nkeys are not defined");
    }

    @Test
    void ocspStaplingIsJudgedOnceTheTlsFilesLoad() throws Exception {
        file("n.conf", conf("tls", map("cert_file", "f.pem", "key_file", "k.pem"), "ocsp", map("mode", "always")));
        TlsFilesCheck check = new TlsFilesCheck() {
            @Override
            public String problem(TlsSettings tls) {
                return null;
            }

            @Override
            public OcspProblem ocspProblem(TlsSettings tls, OcspSettings ocsp) {
                return new OcspProblem("cannot staple " + tls.certificates().certFile() + " " + ocsp.mode(), true);
            }

            @Override
            public String ocspWarning(TlsSettings tls, OcspSettings ocsp) {
                return "about " + tls.certificates().certFile();
            }
        };

        LoadedConfiguration loaded = new ConfigurationLoader(files::get, check).load(CommandLine.parse("-c", "n.conf"));

        assertThat(loaded.errors()).containsExactly("cannot staple f.pem ALWAYS");
        assertThat(loaded.refusals()).containsExactly("cannot staple f.pem ALWAYS");
        assertThat(loaded.warnings()).contains("about f.pem");
        TlsFilesCheck unloadable = tls -> "cannot load";
        assertThat(new ConfigurationLoader(files::get, unloadable).load(CommandLine.parse("-c", "n.conf")).errors())
                .as("a broken file is reported once, at the tls key").containsExactly("test.conf:1:1: cannot load");
    }

    @Test
    void theMqttTlsBlockIsCheckedWithTheClientPortsOcspPeerAsNatsServerPlugsIt() throws Exception {
        file("n.conf", conf("tls", map("cert_file", "f.pem", "key_file", "f.key", "ca_file", "ca.pem",
                "verify", true, "ocsp_peer", true), "mqtt", map("port", 1883, "tls", map("cert_file", "mq.pem",
                "key_file", "mq.key"))));
        TlsFilesCheck peerChecked = tls -> tls.ocspPeer() != null && tls.ocspPeer().verify()
                && tls.certificates().certFile().equals("mq.pem") ? "mq.pem checked by ocsp_peer" : null;

        LoadedConfiguration loaded = new ConfigurationLoader(files::get, peerChecked)
                .load(CommandLine.parse("-c", "n.conf"));

        assertThat(loaded.errors()).singleElement().asString().endsWith(": mq.pem checked by ocsp_peer");
    }

    @Test
    void theWebsocketTlsFilesAreCheckedAtThatBlocksTlsKey() throws Exception {
        file("n.conf", conf("port", 1, "websocket", map("port", 8443, "tls", map("cert_file", "ws.pem",
                "key_file", "ws.key"))));
        TlsFilesCheck unloadable = tls -> "cannot load " + tls.certificates().certFile();

        LoadedConfiguration loaded = new ConfigurationLoader(files::get, unloadable)
                .load(CommandLine.parse("-c", "n.conf"));

        assertThat(loaded.errors()).containsExactly("test.conf:4:3: cannot load ws.pem");
        assertThat(loaded.refusals()).as("wss is built, not refused").isEmpty();
        assertThat(new ConfigurationLoader(files::get, tls -> null).load(CommandLine.parse("-c", "n.conf"))
                .errors()).isEmpty();
    }

    @Test
    void opensTheListenersOfTheFileAndTheFlags() throws Exception {
        file("n.conf", conf("websocket", map("port", 8080, "no_tls", true), "mqtt", map("port", 1883),
                "https_port", 8443));

        LoadedConfiguration loaded = load("-c", "n.conf", "-ms", "9443");

        // WebSocket, MQTT and HTTPS monitoring are built: none is refused.
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.settings().monitoring().httpsPort()).isEqualTo(9443);
    }

    @Test
    void routesToSolicitNeedAClusterListenerFromTheFlagsOrTheFileAsInNatsServer() throws Exception {
        LoadedConfiguration alone = load("--routes", "nats://y:6222");
        assertThat(alone.errors()).containsExactly("solicited routes require cluster capabilities, e.g. --cluster");
        assertThat(alone.bare()).isTrue();

        file("listens.conf", conf("cluster", map("port", 6222)));
        file("names.conf", conf("cluster", map("name", "c")));
        assertThat(load("-c", "listens.conf", "--routes", "nats://y:6222").errors()).isEmpty();
        assertThat(load("-c", "names.conf", "--routes", "nats://y:6222").errors())
                .containsExactly("solicited routes require cluster capabilities, e.g. --cluster");
        assertThat(load("-c", "names.conf", "--routes", "nats://y:6222", "--cluster", "nats://0.0.0.0:6222")
                .errors()).isEmpty();
        assertThat(loader.reload(load("-c", "listens.conf").settings(),
                CommandLine.parse("-c", "names.conf", "--routes", "nats://y:6222")).loaded().errors()).isEmpty();
    }

    @Test
    void reportsSyntaxErrorsWithoutMappingTheFile() throws Exception {
        files.put(Path.of("bad.conf"), new ParseResult(conf("foo", 1), List.of(
                new ConfigError(new Position("bad.conf", 3, 7), "expected a value")), DIGEST));

        LoadedConfiguration loaded = load("-c", "bad.conf");

        assertThat(loaded.errors()).containsExactly("bad.conf:3:7: expected a value");
    }

    @Test
    void reportsMappingErrorsAsFileLineColumn() throws Exception {
        file("n.conf", conf("foo", 1, "ping_interval", 5, "no_fast_producer_stall", true));

        LoadedConfiguration loaded = load("-c", "n.conf", "--profile", "6060", "-js");

        assertThat(loaded.hasErrors()).isTrue();
        assertThat(loaded.errors()).containsExactly("test.conf:1:1: unknown field \"foo\"");
        assertThat(loaded.fileWarnings()).containsExactly("test.conf:2:1: invalid use of field \"ping_interval\": "
                + "ping_interval should be converted to a duration");
        assertThat(loaded.problems()).containsExactly("test.conf:2:1: invalid use of field \"ping_interval\": "
                + "ping_interval should be converted to a duration", "test.conf:1:1: unknown field \"foo\"");
        assertThat(loaded.warnings()).containsExactly("JetStream is not supported by Natrium; the flag is ignored");
        assertThat(loaded.unsupported()).extracting(UnsupportedOption::toString).containsExactly(
                "test.conf:3:1: \"no_fast_producer_stall\" is not supported by Natrium yet and is ignored",
                "flag -profile is not supported by Natrium yet and is ignored");
    }

    @Test
    void warnsAboutAnEmptyFile() throws Exception {
        file("empty.conf", conf());

        LoadedConfiguration loaded = load("-c", "empty.conf");

        assertThat(loaded.fileWarnings()).containsExactly("empty.conf: config has no values or is empty");
        assertThat(loaded.hasErrors()).isFalse();
        assertThat(loaded.passesCheck()).isFalse();
    }

    @Test
    void configurationWarningsFailTheCheckButNotTheStartAndOutOfScopeNoticesFailNeither() throws Exception {
        file("warned.conf", conf("ping_interval", 30));
        file("noticed.conf", conf("cluster", map("port", 6222)));

        LoadedConfiguration warned = load("-c", "warned.conf");
        LoadedConfiguration noticed = load("-c", "noticed.conf");

        assertThat(warned.hasErrors()).isFalse();
        assertThat(warned.passesCheck()).isFalse();
        assertThat(warned.problems()).containsExactly("test.conf:1:1: invalid use of field \"ping_interval\": "
                + "ping_interval should be converted to a duration");
        assertThat(noticed.passesCheck()).isTrue();
        assertThat(noticed.problems()).isEmpty();
        assertThat(noticed.warnings()).containsExactly(
                "test.conf:1:1: \"cluster\" is not supported by Natrium (out of scope) and is ignored");
    }

    static Stream<Arguments> validation() {
        return Stream.of(
                Arguments.of(conf("max_payload", 2048, "max_pending", 1024), new String[0],
                        "max_payload (2048) cannot be higher than max_pending (1024)"),
                Arguments.of(conf("lame_duck_duration", "30s", "lame_duck_grace_period", "30s"), new String[0],
                        "lame duck grace period (30s) should be strictly lower than lame duck duration (30s)"),
                Arguments.of(conf(), new String[] {"-n", "a b"}, "server name cannot contain spaces"),
                Arguments.of(conf("no_auth_user", "x"), new String[0],
                        "no_auth_user: \"x\" present, but users/nkeys are not defined"),
                Arguments.of(conf("system_account", "NOPE"), new String[0],
                        "error resolving system account: account missing"),
                Arguments.of(conf("system_account", "NOPE", "no_system_account", true), new String[0],
                        "error resolving system account: account missing"),
                Arguments.of(conf("no_auth_user", "x", "authorization", map("users", list(map("user", "y")))),
                        new String[0], "no_auth_user: \"x\" not present as user or nkey in authorization block or "
                                + "account configuration"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("validation")
    void checksOptionsAgainstEachOtherAfterTheFlags(ConfigMap root, String[] flags, String expected)
            throws Exception {
        file("n.conf", root);
        List<String> args = new ArrayList<>(List.of("-c", "n.conf"));
        args.addAll(List.of(flags));

        assertThat(load(args.toArray(String[]::new)).errors()).containsExactly(expected);
    }

    @Test
    void warnsAboutPayloadsOverEightMegabytes() throws Exception {
        file("n.conf", conf("max_payload", 9 * 1024 * 1024));

        LoadedConfiguration loaded = load("-c", "n.conf");

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.warnings()).containsExactly(
                "Maximum payloads over 8.00 MB are generally discouraged and could lead to poor performance");
    }

    @Test
    void zeroValuesMeanTheDefaults() throws Exception {
        file("n.conf", conf("port", 0, "max_payload", 0, "max_pending", 0, "max_control_line", 0, "ping_interval",
                "0s", "ping_max", 0, "write_deadline", "0s", "lame_duck_grace_period", "0s", "max_closed_clients", 0));

        ServerSettings settings = load("-c", "n.conf").settings();

        assertThat(settings.toBuilder().origin(ServerSettings.defaults().origin()).build())
                .isEqualTo(ServerSettings.defaults());
    }

    @Test
    void reloadReadsTheFileAgainAndKeepsTheCommandLineWinning() throws Exception {
        file("n.conf", conf("port", 4000, "max_payload", 1000, "debug", false));
        CommandLine.Parsed commandLine = CommandLine.parse("-c", "n.conf", "-p", "5000", "-D");
        ServerSettings running = loader.load(commandLine).settings();
        file("n.conf", conf("port", 4100, "max_payload", 2000, "debug", false, "trace", true));

        ReloadOutcome outcome = loader.reload(running, commandLine);

        assertThat(outcome.applicable()).isTrue();
        assertThat(outcome.loaded().settings().port()).isEqualTo(5000);
        assertThat(outcome.loaded().settings().logging().debug()).isTrue();
        assertThat(outcome.diff().changes()).extracting(SettingChange::setting)
                .containsExactly(Setting.MAX_PAYLOAD, Setting.TRACE);
        assertThat(read).hasSize(2);
    }

    @Test
    void reloadRefusesWhatNatsServerRefuses() throws Exception {
        file("n.conf", conf("port", 4000, "server_name", "a"));
        CommandLine.Parsed commandLine = CommandLine.parse("-c", "n.conf");
        ServerSettings running = loader.load(commandLine).settings();
        file("n.conf", conf("port", 4100, "server_name", "b", "lame_duck_duration", "1m"));

        ReloadOutcome outcome = loader.reload(running, commandLine);

        assertThat(outcome.applicable()).isFalse();
        assertThat(outcome.errors()).containsExactly(
                "config reload not supported for Port: old=4000, new=4100",
                "config reload not supported for ServerName: old=a, new=b",
                "config reload not supported for LameDuckDuration: old=2m0s, new=1m0s");
    }

    @Test
    void reloadReportsLoadingErrorsAndNeedsAFile() throws Exception {
        file("n.conf", conf("port", 4000));
        CommandLine.Parsed commandLine = CommandLine.parse("-c", "n.conf");
        ServerSettings running = loader.load(commandLine).settings();
        file("n.conf", conf("port", "x"));

        assertThat(loader.reload(running, commandLine).errors()).containsExactly(
                "test.conf:1:1: interface conversion: interface {} is string, not int64");
        assertThat(loader.reload(running, CommandLine.parse()).errors()).containsExactly(
                "can only reload config when a file is provided using -c or --config");
    }
}
