package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigError;
import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.adapter.config.syntax.ParseResult;
import io.natrium.testkit.ExternalTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load errors of account exports and imports, on real files: Natrium's lines are checked against the expected
 * ones, and against what the reference {@code nats-server -t} prints for the same file (without nats-server a case
 * is skipped after Natrium's half, or fails where the reference is required). nats-server walks its accounts in
 * random map order, so its lines are compared as a set.
 *
 * <p>Deliberate differences (the {@code natsServerAgrees = false} cases):
 * <ul>
 *   <li>a literal stream import renamed to a wildcard or invalid subject, or under a prefix that makes an invalid
 *       subject, loads in nats-server, which then delivers on that subject; Natrium refuses it with the transform
 *       error nats-server gives for the same import of a wildcard subject;</li>
 *   <li>nats-server 2.9.10 (the Debian binary) builds service import transforms leniently; the current source, which
 *       Natrium follows, accepts only {@code {{Wildcard()}}} there, and words the stream transform error
 *       {@code subject from "x" to "y"} where 2.9.10 says {@code subject "x" to "y"}; the current source also checks
 *       a stream import's imported subject for cycles, not only its local one.</li>
 * </ul>
 */
class AccountsDifferentialIT {

    @TempDir
    Path dir;

    static Stream<Arguments> configurations() {
        return Stream.of(
                agreed("authorization of stream and service imports", """
                        accounts: {
                          A: { exports: [ {stream: "pub.>"}, {stream: "priv.>", accounts: [C]},
                                          {service: "svc.*", accounts: [B]}, {stream: "tok.*.x", account_token_position: 2} ] }
                          B: { imports: [ {stream: {account: A, subject: "priv.>"}},
                                          {service: {account: A, subject: "svc.a"}, to: "local.a"},
                                          {stream: {account: A, subject: "tok.B.x"}},
                                          {stream: {account: A, subject: "tok.C.x"}, prefix: "p"} ] }
                          C: { imports: [ {stream: {account: A, subject: "priv.x"}, prefix: "x.*"},
                                          {service: {account: A, subject: "svc.b"}} ] }
                        }
                        """,
                        "Error adding stream import \"priv.>\": stream import not authorized",
                        "Error adding stream import \"tok.C.x\": stream import not authorized",
                        "Error adding stream import \"priv.x\": stream import prefix can not contain wildcard tokens",
                        "Error adding service import \"svc.b\": service import not authorized"),
                agreed("cycles, token positions and latency", """
                        accounts: {
                          A: { exports: [ {service: "q.>"}, {stream: "s.>"}, {stream: "bad.x", account_token_position: 2},
                                          {service: "lat", latency: {subject: "lat.*"}},
                                          {service: "lat2", response_type: stream, latency: "lat.r"} ]
                               imports: [ {service: {account: B, subject: "q.>"}}, {stream: {account: B, subject: "s.>"}} ] }
                          B: { exports: [ {service: "q.>"}, {stream: "s.>"} ]
                               imports: [ {service: {account: A, subject: "q.>"}}, {stream: {account: A, subject: "s.>"}} ] }
                        }
                        """,
                        "Error adding stream export \"bad.x\": sublist: invalid subject",
                        "Error adding service latency sampling for \"lat\" on subject \"lat.*\": invalid publish "
                                + "subject",
                        "Error adding service latency sampling for \"lat2\" on subject \"lat.r\": bad service "
                                + "response type",
                        "Error adding stream import \"s.>\": import forms a cycle",
                        "Error adding service import \"q.>\": import forms a cycle"),
                agreed("subjects, duplicates and transforms", """
                        accounts: {
                          A: { exports: [ {service: "q.>"}, {stream: "s.>"}, {service: "w.*.*"}, {stream: "t.*.*"} ] }
                          B: { imports: [ {stream: {account: A, subject: "s..x"}}, {service: {account: A, subject: "q..x"}},
                                          {service: {account: A, subject: "q.x"}, to: "a..b"},
                                          {stream: {account: A, subject: "s.a"}}, {stream: {account: A, subject: "s.a"}, to: "other"},
                                          {service: {account: A, subject: "w.*.*"}, to: "loc.$3.$1"},
                                          {service: {account: A, subject: "w.*.*"}, to: "foo.*"},
                                          {stream: {account: A, subject: "s.*"}, to: "x.*.*"} ] }
                        }
                        """,
                        "Error adding stream import \"s..x\": stream import not authorized",
                        "Error adding stream import \"s.a\": stream import already exists",
                        "Error adding stream import \"s.*\": failed to create mapping transform for stream import "
                                + "subject \"s.*\" to \"x.*.*\": invalid mapping destination: wildcard index "
                                + "out of range in $2: [2]",
                        "Error adding service import \"q..x\": sublist: invalid subject",
                        "Error adding service import \"q.x\": sublist: invalid subject",
                        "Error adding service import \"w.*.*\": failed to create mapping transform for service "
                                + "import subject \"loc.$3.$1\" to \"w.*.*\": invalid mapping destination: "
                                + "wildcard index out of range in $3: [3]",
                        "Error adding service import \"w.*.*\": failed to create mapping transform for service "
                                + "import subject \"foo.*\" to \"w.*.*\": invalid mapping destination: not using "
                                + "all of the token wildcard(s) in foo.$1"),
                agreed("accounts that are not defined", """
                        accounts: {
                          A: { exports: [ {stream: "s", accounts: [Z]}, {service: "q", accounts: [Y]} ] }
                          B: { imports: [ {stream: {account: X, subject: "s"}}, {service: {account: W, subject: "q"}} ] }
                        }
                        """,
                        "\"Z\" account not defined for stream export",
                        "\"Y\" account not defined for service export",
                        "\"X\" account not defined for stream import",
                        "\"W\" account not defined for service import"),
                agreed("a valid file with every kind of import", """
                        accounts: {
                          A: { exports: [ {stream: "s.>"}, {service: "q.*", response_type: chunked, threshold: "5s"},
                                          {service: "echo", accounts: [A], latency: {subject: "latency.echo", sampling: 50}},
                                          {stream: "tok.*", account_token_position: 2} ]
                               imports: [ {service: {account: A, subject: "echo"}} ] }
                          B: { imports: [ {stream: {account: A, subject: "s.x.>"}, prefix: "from.a"},
                                          {stream: {account: A, subject: "tok.B"}, to: "mine"},
                                          {service: {account: A, subject: "q.*"}, to: "ask.*", share: true} ] }
                        }
                        """),
                differs("a literal stream import to a wildcard or invalid local subject", """
                        accounts: {
                          A: { exports: [ {stream: "s.>"} ] }
                          B: { imports: [ {stream: {account: A, subject: "s.lit"}, to: "lit.*"},
                                          {stream: {account: A, subject: "s.lit2"}, prefix: "p..q"} ] }
                        }
                        """,
                        "Error adding stream import \"s.lit\": failed to create mapping transform for stream import "
                                + "subject from \"s.lit\" to \"lit.*\": invalid mapping destination: wildcard index "
                                + "out of range in $1",
                        "Error adding stream import \"s.lit2\": failed to create mapping transform for stream "
                                + "import subject from \"s.lit2\" to \"p..q.s.lit2\": invalid subject"),
                differs("a service import transform with a function other than wildcard", """
                        accounts: {
                          A: { exports: [ {service: "w.x.*"} ] }
                          B: { imports: [ {service: {account: A, subject: "w.x.*"}, to: "bar.{{partition(2,1)}}"} ] }
                        }
                        """,
                        "Error adding service import \"w.x.*\": failed to create mapping transform for service "
                                + "import subject from \"bar.{{partition(2,1)}}\" to \"w.x.*\": invalid mapping "
                                + "destination: the only mapping function allowed for import transforms is "
                                + "{{Wildcard()}} in {{partition(2,1)}}"));
    }

    private static Arguments agreed(String name, String conf, String... errors) {
        return Arguments.of(name, conf, List.of(errors), true);
    }

    private static Arguments differs(String name, String conf, String... errors) {
        return Arguments.of(name, conf, List.of(errors), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void reportsWhatNatsServerReports(String name, String conf, List<String> expected, boolean natsServerAgrees)
            throws Exception {
        ParseResult parsed = ConfigParser.parseText(conf, variable -> null);
        assertThat(parsed.errors()).isEmpty();
        List<String> natrium = SettingsMapper.map(parsed.root()).errors().stream().map(ConfigError::message)
                .toList();

        // Natrium's texts follow the current source; 2.9.10 words the transform errors without "from".
        assertThat(natrium).containsExactlyElementsOf(expected.stream().map(AccountsDifferentialIT::current)
                .toList());
        if (natsServerAgrees) {
            assertThat(natsServer(ExternalTools.natsServer(), conf)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The 2.9.10 text of the expected line in the current source's words. */
    private static String current(String error) {
        return error.replace("import subject \"", "import subject from \"");
    }

    /** The messages of {@code nats-server -t}, without the program name and the file position. */
    private List<String> natsServer(Path binary, String conf) throws IOException, InterruptedException {
        Path file = dir.resolve("accounts.conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(binary.toString(), "-t", "-c", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> errors = new ArrayList<>();
        if (process.exitValue() == 0) {
            return errors;
        }
        String prefix = file + ":";
        for (String line : output.split("\n")) {
            String message = line.startsWith("nats-server: ") ? line.substring("nats-server: ".length()) : line;
            if (message.startsWith(prefix)) {
                // file:line:col: message
                String rest = message.substring(prefix.length());
                errors.add(rest.substring(rest.indexOf(": ") + 2));
            }
        }
        return errors;
    }
}
