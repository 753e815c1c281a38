package io.natrium.adapter.config;

import static io.natrium.adapter.config.AuthorizationMapperTest.ACCOUNT_KEY;
import static io.natrium.adapter.config.Conf.at;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.fails;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.MappingDestination;
import io.natrium.application.settings.MappingSettings;
import io.natrium.application.settings.MessageTraceSettings;
import io.natrium.application.settings.ResponseType;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountsMapperTest {

    private static List<AccountSettings> accounts(ConfigMap conf) {
        MappedSettings mapped = SettingsMapper.map(conf);
        assertThat(Conf.errors(mapped)).isEmpty();
        return mapped.settings().accounts().accounts();
    }

    @Test
    void mapsAListOfAccountNames() {
        assertThat(accounts(conf("accounts", list("A", "B")))).containsExactly(AccountSettings.named("A"),
                AccountSettings.named("B"));
    }

    @Test
    void mapsEveryKeyOfAnAccount() {
        AccountSettings a = accounts(conf("accounts", map(
                "A", map("nkey", ACCOUNT_KEY,
                        "users", list(map("user", "a1")),
                        "default_permissions", map("sub", "a.>"),
                        "exports", list(
                                map("stream", "public.>"),
                                map("service", "help.*", "accounts", list("B"), "response_type", "stream",
                                        "response_threshold", "5s", "account_token_position", 2,
                                        "allow_trace", true),
                                map("service", "timed", "latency", map("sampling", "50%", "subject", "lat"))),
                        "mappings", map("x", "y"),
                        "limits", map("max_conn", 5, "max_subs", 6, "max_pay", 7, "max_leafs", 8),
                        "msg_trace", map("dest", "trace.a", "sampling", "25%")),
                "B", map("imports", list(
                        map("stream", map("account", "A", "subject", "public.>"), "prefix", "from.a",
                                "allow_trace", true),
                        map("service", map("account", "A", "subject", "help.B"), "to", "a.help", "share", true)),
                        "trace_dest", "trace.b")))).get(0);

        assertThat(a.name()).isEqualTo("A");
        assertThat(a.nkey()).isEqualTo(ACCOUNT_KEY);
        assertThat(a.users()).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo("a1");
            assertThat(user.permissions()).isEqualTo(a.defaultPermissions());
        });
        assertThat(a.exports()).containsExactly(
                new ExportSettings(ExportKind.STREAM, "public.>", List.of(), ResponseType.SINGLETON, Duration.ZERO,
                        null, 0, false),
                new ExportSettings(ExportKind.SERVICE, "help.*", List.of("B"), ResponseType.STREAM,
                        Duration.ofSeconds(5), null, 2, true),
                new ExportSettings(ExportKind.SERVICE, "timed", List.of(), ResponseType.SINGLETON, Duration.ZERO,
                        new LatencySettings(50, false, "lat"), 0, false));
        assertThat(a.mappings()).containsExactly(new MappingSettings("x", List.of(new MappingDestination("y", 100,
                null))));
        assertThat(a.limits()).isEqualTo(new AccountLimitSettings(5, 6, 7, 8));
        assertThat(a.messageTrace()).isEqualTo(new MessageTraceSettings("trace.a", 25));
    }

    @Test
    void mapsImportsAndTraceDestinations() {
        AccountSettings b = accounts(conf("accounts", map("A", map("exports", list(map("stream", "p"),
                        map("service", "s"))),
                "B", map("imports", list(
                        map("stream", map("account", "A", "subject", "p"), "prefix", "from.a", "allow_trace", true),
                        map("service", map("account", "A", "subject", "s"), "to", "a.s", "share", true)),
                        "trace_dest", "trace.b")))).get(1);

        assertThat(b.imports()).containsExactly(
                new ImportSettings(ExportKind.STREAM, "A", "p", "from.a", null, false, true),
                new ImportSettings(ExportKind.SERVICE, "A", "s", null, "a.s", true, false));
        assertThat(b.messageTrace()).isEqualTo(new MessageTraceSettings("trace.b", 100));
        assertThat(b.limits()).isEqualTo(AccountLimitSettings.unlimited());
    }

    @Test
    void aNegativeTokenPositionFailsAsNatsServersUnsignedIndexDoes() {
        MappedSettings mapped = SettingsMapper.map(exports(map("stream", "data.*.public", "account_token_position", -4),
                map("service", "svc", "account_token_position", -99_999_999_999L)));

        assertThat(Conf.errors(mapped)).extracting(error -> error.substring(error.indexOf(": ") + 2)).containsExactly(
                "runtime error: index out of range [18446744073709551611] with length 3",
                "runtime error: index out of range [18446743973709551616] with length 1");
    }

    @Test
    void accountLimitsKeepTheLow32BitsAsGosInt32ConversionDoes() {
        MappedSettings mapped = SettingsMapper.map(conf("accounts", map("A", map("limits",
                map("max_connections", 99_999_999_999L, "max_subscriptions", (1L << 32) + 7)))));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.settings().accounts().accounts().get(0).limits().maxConnections())
                .isEqualTo((int) 99_999_999_999L).isEqualTo(1_215_752_191);
        assertThat(mapped.settings().accounts().accounts().get(0).limits().maxSubscriptions()).isEqualTo(7);
    }

    @Test
    void mapsLatencyAsASubjectOrWithHeaderSampling() {
        List<ExportSettings> exports = accounts(conf("accounts", map("A", map("exports", list(
                map("service", "a", "latency", "lat.a"),
                map("service", "b", "latency", map("sampling", "headers", "subject", "lat.b")),
                map("service", "c", "latency", map("sampling", 10, "subject", "lat.c"))))))).get(0).exports();

        assertThat(exports).extracting(ExportSettings::latency).containsExactly(
                new LatencySettings(100, false, "lat.a"), new LatencySettings(0, true, "lat.b"),
                new LatencySettings(10, false, "lat.c"));
    }

    @Test
    void mapsTopLevelMappingsOfEveryForm() {
        MappedSettings mapped = SettingsMapper.map(conf("mappings", map(
                "a", "b",
                "c", list(map("destination", "d", "weight", "40%"), map("dest", "e", "weight", 60, "cluster", "x")),
                "f.*", map("dest", "g.$1", "weight", 100))));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.settings().accounts().mappings()).containsExactly(
                new MappingSettings("a", List.of(new MappingDestination("b", 100, null))),
                new MappingSettings("c", List.of(new MappingDestination("d", 40, null),
                        new MappingDestination("e", 60, "x"))),
                new MappingSettings("f.*", List.of(new MappingDestination("g.$1", 100, null))));
        assertThat(SettingsMapper.map(conf("maps", map("a", "b"))).settings().accounts().mappings()).hasSize(1);
    }

    private static ConfigMap account(Object... keysAndValues) {
        return conf("accounts", map("A", map(keysAndValues)));
    }

    private static ConfigMap exports(ConfigMap... exports) {
        return account("exports", list((Object[]) exports));
    }

    private static ConfigMap imports(ConfigMap... imports) {
        return conf("accounts", map("A", map("exports", list(map("stream", "p"), map("service", "s"))),
                "B", map("imports", list((Object[]) imports))));
    }

    static Stream<Arguments> errors() {
        String accountKey = at(3, 2);
        String export = at(5, 4);
        String importAt = at(11, 4);
        return Stream.of(
                fails(conf("accounts", list("$G")), at(2, 1), "\"$G\" is a Reserved Account"),
                fails(conf("accounts", list("A", "A")), at(3, 1), "Duplicate Account Entry: A"),
                fails(conf("accounts", list(5)), at(2, 1), "interface conversion: interface {} is int64, not string"),
                fails(conf("accounts", map("A", 5)), at(2, 1), "Expected map entries for accounts"),
                fails(conf("accounts", map("$G", map())), at(2, 1), "\"$G\" is a Reserved Account"),
                fails(account("nkey", "bad"), accountKey, "Not a valid public nkey for an account: \"bad\""),
                fails(account("color", "red"), accountKey, "unknown field \"color\""),
                fails(account("limits", 5), accountKey, "Expected account limits to be a map/struct, got 5"),
                fails(account("limits", map("max_cpu", 5)), at(4, 3), "Unknown field \"max_cpu\" parsing account limits"),
                fails(account("msg_trace", 5), accountKey,
                        "Expected account message trace \"msg_trace\" to be a string or a map/struct, got int64"),
                fails(account("msg_trace", "a.*"), accountKey, "Trace destination \"a.*\" is not valid"),
                fails(account("msg_trace", map("dest", 5)), at(4, 3), "Field \"dest\" should be a string, got int64"),
                fails(account("msg_trace", map("dest", "t", "sampling", 0)), at(5, 3),
                        "Ttrace destination sampling value 0 is invalid, needs to be [1..100]"),
                fails(account("msg_trace", map("dest", "t", "sampling", "x%")), at(5, 3),
                        "Invalid trace destination sampling value \"x%\""),
                fails(account("msg_trace", map("dest", "t", "sampling", true)), at(5, 3),
                        "Trace destination sampling field \"sampling\" should be an integer or a percentage, got bool"),
                fails(account("msg_trace", map("dest", "t", "rate", 1)), at(5, 3),
                        "Unknown field \"rate\" parsing account message trace map/struct \"msg_trace\""),
                fails(account("exports", "x"), accountKey, "Exports should be an array, got string"),
                fails(account("exports", list("x")), at(4, 3), "Export Items should be a map with type entry, got string"),
                fails(exports(map("stream", 5)), export, "Expected stream name to be string, got int64"),
                fails(exports(map("service", 5)), export, "Expected service name to be string, got int64"),
                fails(exports(map("service", "s", "stream", "t")), at(6, 4),
                        "Detected stream \"t\" but already saw a service"),
                fails(exports(map("stream", "t", "service", "s")), at(6, 4),
                        "Detected service \"s\" but already saw a stream"),
                fails(exports(map("response_type", "stream", "stream", "t")), export,
                        "Detected response directive on non-service"),
                fails(exports(map("stream", "t", "response_type", "chunked")), at(6, 4),
                        "Detected response directive on non-service"),
                fails(exports(map("stream", "t", "threshold", "1s")), at(6, 4),
                        "Detected response directive on non-service"),
                fails(exports(map("stream", "t", "latency", "l")), at(6, 4),
                        "Detected latency directive on non-service"),
                fails(exports(map("stream", "t", "allow_trace", true)), at(6, 4),
                        "Detected allow_trace directive on non-service"),
                fails(exports(map("service", "s", "response", "single", "response_type", "chunk")), at(7, 4),
                        "Duplicate response type definition"),
                fails(exports(map("service", "s", "response", 5)), at(6, 4),
                        "Expected response type to be string, got int64"),
                fails(exports(map("service", "s", "response", "many")), at(6, 4), "Unknown response type: \"many\""),
                fails(exports(map("service", "s", "threshold", "1s", "response_time", "2s")), at(7, 4),
                        "Duplicate response threshold detected"),
                fails(exports(map("service", "s", "response_max_time", 5)), at(6, 4),
                        "Expected response threshold to be a parseable time duration, got int64"),
                fails(exports(map("service", "s", "response_threshold", "soon")), at(6, 4),
                        "Expected response threshold to be a parseable time duration, got \"soon\""),
                fails(exports(map("service", "s", "latency", 5)), at(6, 4),
                        "Expected latency entry to be a map/struct or string, got int64"),
                fails(exports(map("service", "s", "latency", map("sampling", 50))), at(6, 4),
                        "Latency subject required, but missing"),
                fails(exports(map("service", "s", "latency", map("subject", 5))), at(7, 5),
                        "Expected latency subject to be a string, got int64"),
                fails(exports(map("service", "s", "latency", map("sampling", 101, "subject", "l"))), at(7, 5),
                        "bad sampling percentage, should be 1-100"),
                fails(exports(map("service", "s", "latency", map("sampling", "x", "subject", "l"))), at(7, 5),
                        "Failed to parse latency sample: strconv.Atoi: parsing \"x\": invalid syntax"),
                fails(exports(map("service", "s", "latency", map("sampling", true, "subject", "l"))), at(7, 5),
                        "Expected latency sample to be a string or map/struct, got bool"),
                fails(exports(map("service", "s", "weird", 1)), at(6, 4), "unknown field \"weird\""),
                fails(exports(map("service", "s", "accounts", list("Z"))), at(1, 0),
                        "\"Z\" account not defined for service export"),
                fails(account("imports", 5), accountKey, "Imports should be an array, got int64"),
                fails(account("imports", list(5)), at(4, 3), "Import Items should be a map with type entry, got int64"),
                fails(imports(map("stream", 5)), importAt, "Stream entry should be an account map, got int64"),
                fails(imports(map("service", "x")), importAt, "Service entry should be an account map, got string"),
                fails(imports(map("stream", map("account", "A"))), importAt, "Expect an account name and a subject"),
                fails(imports(map("stream", map("account", "A", "subject", "p", "x", 1))), at(14, 5),
                        "unknown field \"x\""),
                fails(imports(map("stream", map("account", "A", "subject", "p"), "service",
                        map("account", "A", "subject", "s"))), at(14, 4), "Detected service but already saw a stream"),
                fails(imports(map("service", map("account", "A", "subject", "s"), "stream",
                        map("account", "A", "subject", "p"))), at(14, 4), "Detected stream but already saw a service"),
                fails(imports(map("allow_trace", true, "service", map("account", "A", "subject", "s"))), importAt,
                        "Detected allow_trace directive on a non-stream"),
                fails(imports(map("service", map("account", "A", "subject", "s"), "allow_trace", true)), at(14, 4),
                        "Detected allow_trace directive on a non-stream"),
                fails(imports(map("stream", map("account", "A", "subject", "p"), "prefix", "x", "to", "y")), at(15, 4),
                        "Stream import can not have a 'prefix' and a 'to' property"),
                fails(imports(map("service", map("account", "A", "subject", "s")),
                        map("service", map("account", "A", "subject", "s"))), at(14, 3),
                        "Duplicate service import subject \"s\", previously used in import for account \"A\", "
                                + "subject \"s\""),
                fails(imports(map("stream", map("account", "Z", "subject", "p"))), at(1, 0),
                        "\"Z\" account not defined for stream import"),
                // The account graph's checks, reported at the accounts key as nats-server does.
                fails(imports(map("stream", map("account", "A", "subject", "q"))), at(1, 0),
                        "Error adding stream import \"q\": stream import not authorized"),
                fails(imports(map("service", map("account", "A", "subject", "p"))), at(1, 0),
                        "Error adding service import \"p\": service import not authorized"),
                fails(imports(map("stream", map("account", "A", "subject", "p"), "prefix", "x.>")), at(1, 0),
                        "Error adding stream import \"p\": stream import prefix can not contain wildcard tokens"),
                fails(exports(map("stream", "a.b", "account_token_position", 2)), at(1, 0),
                        "Error adding stream export \"a.b\": sublist: invalid subject"),
                fails(conf("accounts", map(
                        "A", map("exports", list(map("service", "s")),
                                "imports", list(map("service", map("account", "B", "subject", "s")))),
                        "B", map("exports", list(map("service", "s")),
                                "imports", list(map("service", map("account", "A", "subject", "s")))))), at(1, 0),
                        "Error adding service import \"s\": import forms a cycle"),
                fails(conf("mappings", map("a..b", "c")), at(1, 0), "Subject \"a..b\" is not a valid subject"),
                fails(conf("mappings", map("a", list(5))), at(3, 2), "Expected an entry for the mapping destination"),
                fails(conf("mappings", map("a", list(map("destination", "b")))), at(3, 2),
                        "Missing weight for mapping destination \"b\""),
                fails(conf("mappings", map("a", list(map("destination", "b", "weight", 101)))), at(5, 3),
                        "Invalid weight 101 for mapping destination"),
                fails(conf("mappings", map("a", list(map("destination", "b", "weight", "x%")))), at(5, 3),
                        "Invalid weight \"x\" for mapping destination"),
                fails(conf("mappings", map("a", list(map("destination", "b", "weight", true)))), at(5, 3),
                        "Unknown entry type for weight of true"),
                fails(conf("mappings", map("a", list(map("destination", "b", "weight", 1, "x", 1)))), at(6, 3),
                        "Unknown field \"x\" for mapping destination"),
                fails(conf("mappings", map("a", list(map("dest", "b", "weight", 60), map("dest", "c", "weight", 50)))),
                        at(2, 1), "Error adding mapping for \"a\" : total weight needs to be <= 100"),
                fails(conf("mappings", map("a", list(map("dest", "b", "weight", 10), map("dest", "b", "weight", 10)))),
                        at(2, 1), "Error adding mapping for \"a\" : duplicate entry for \"b\""),
                fails(conf("mappings", map("a", map("dest", "b"))), at(2, 1),
                        "Missing weight for mapping destination \"b\""),
                fails(conf("mappings", map("a.*", "b.$2")), at(2, 1), "Error adding mapping for \"a.*\" to "
                        + "\"b.$2\" : invalid mapping destination: wildcard index out of range in $2: [2]"),
                fails(conf("mappings", map("a.*", "d.{{nope(1)}}")), at(2, 1), "Error adding mapping for \"a.*\" to "
                        + "\"d.{{nope(1)}}\" : invalid mapping destination: unknown function in {{nope(1)}}"),
                fails(conf("mappings", map("a.*", "b.*")), at(2, 1),
                        "Error adding mapping for \"a.*\" to \"b.*\" : invalid subject"),
                fails(conf("mappings", map("a.*", list(map("dest", "b.$3", "weight", 50)))), at(2, 1),
                        "Error adding mapping for \"a.*\" : invalid mapping destination: wildcard index out of range "
                                + "in $3: [3]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void reportsNatsServersAccountErrors(ConfigMap conf, String expected) {
        assertThat(Conf.errors(SettingsMapper.map(conf))).containsExactly(expected);
    }

    static Stream<Arguments> userConflicts() {
        ConfigMap accountUsers = map("A", map("users", list(map("user", "x"))));
        return Stream.of(
                Arguments.of(conf("authorization", map("user", "x", "password", "p"), "accounts", accountUsers),
                        at(6, 2) + ": Can not have a single user/pass and accounts"),
                Arguments.of(conf("authorization", map("token", "t"), "accounts", accountUsers),
                        at(5, 2) + ": Can not have a token and accounts"),
                Arguments.of(conf("accounts", accountUsers, "authorization", map("user", "y")),
                        at(6, 0) + ": Can not have a single user/pass and a users array"),
                Arguments.of(conf("accounts", accountUsers, "authorization", map("users", list(map("user", "x")))),
                        at(6, 0) + ": Duplicate user \"x\" detected"),
                Arguments.of(conf("authorization", map("users", list(map("user", "x"))), "accounts", accountUsers),
                        at(7, 2) + ": Duplicate user \"x\" detected"),
                Arguments.of(conf("accounts", map("A", map("users", list(map("user", "x"))),
                        "B", map("users", list(map("user", "x"))))), at(7, 2) + ": Duplicate user \"x\" detected"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("userConflicts")
    void usersAreUniqueAcrossAuthorizationAndAccountsInFileOrder(ConfigMap conf, String expected) {
        assertThat(Conf.errors(SettingsMapper.map(conf))).containsExactly(expected);
    }

    @Test
    void warnsAboutSamplingWithoutDestinationAndJetStreamInAccounts() {
        MappedSettings mapped = SettingsMapper.map(account("msg_trace", map("sampling", 50), "jetstream", "enabled"));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(Conf.warnings(mapped)).containsExactly(
                at(3, 2) + ": Trace destination sampling ignored since no destination was set");
        assertThat(Conf.notices(mapped)).containsExactly(
                at(5, 2) + ": \"jetstream\" is not supported by Natrium (out of scope) and is ignored");
    }

    @Test
    void allowTraceIsListedAsNotSupportedYetSinceMessageTracingIsNot() {
        MappedSettings mapped = SettingsMapper.map(conf("accounts", map(
                "E", map("exports", list(map("service", "svc", "allow_trace", true), map("stream", "ticks.>"))),
                "I", map("imports", list(map("stream", map("account", "E", "subject", "ticks.>"),
                        "allow_trace", true))))));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.settings().accounts().accounts().get(0).exports().get(0).allowTrace()).isTrue();
        assertThat(mapped.unsupported()).extracting(UnsupportedOption::option)
                .containsExactly("allow_trace", "allow_trace");
    }
}
