package io.natrium.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import io.natrium.application.port.InboundMessage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule rejects the deliberately bad class written for it (the {@code archfixture} packages of this
 * module's test sources), so a green {@link ArchitectureTest} means the rules looked and found nothing. Where a rule
 * draws a finer line, fixtures on both sides of it show that it rejects each bad case and accepts the allowed ones.
 */
class ArchitectureRulesCanFailTest {

    /** Rule constant name to the fixture class its violation report must name. */
    private static final Map<String, String> FIXTURE_FOR_RULE = Map.ofEntries(
            Map.entry("LAYERS_POINT_INWARD", "io.natrium.domain.archfixture.DomainReachingUp"),
            Map.entry("DOMAIN_IS_PURE_JAVA", "io.natrium.domain.archfixture.DomainUsingNetty"),
            Map.entry("DOMAIN_DOES_NO_IO_AND_STARTS_NO_THREADS", "io.natrium.domain.archfixture.DomainReadingFiles"),
            Map.entry("APPLICATION_DOES_NO_IO", "io.natrium.application.archfixture.ApplicationOpeningSockets"),
            Map.entry("ADAPTERS_DRIVE_THE_APPLICATION_THROUGH_PORTS",
                    "io.natrium.adapter.config.archfixture.ConfigUsingService"),
            Map.entry("HOT_PATH_PORTS_HAVE_AT_MOST_TWO_IMPLEMENTATIONS",
                    "io.natrium.adapter.protocol.archfixture.CompositeInboundMessage"),
            Map.entry("APPLICATION_USES_ONLY_DOMAIN_JAVA_AND_SLF4J",
                    "io.natrium.application.archfixture.ApplicationUsingJackson"),
            Map.entry("NETTY_ONLY_IN_ADAPTERS", "io.natrium.application.archfixture.ApplicationUsingNetty"),
            Map.entry("JACKSON_ONLY_IN_ADAPTERS", "io.natrium.application.archfixture.ApplicationUsingJackson"),
            Map.entry("GUICE_ONLY_IN_BOOTSTRAP", "io.natrium.adapter.tcp.archfixture.InjectedListener"),
            Map.entry("LOGBACK_ONLY_IN_BOOTSTRAP_LOGGING", "io.natrium.bootstrap.archfixture.UsesLogback"),
            Map.entry("ADAPTERS_ARE_ISOLATED", "io.natrium.adapter.tcp.archfixture.TcpReachingMonitor"),
            Map.entry("APPLICATION_STATE_IS_LAYERED",
                    "io.natrium.application.account.archfixture.AccountReachingServer"),
            Map.entry("PORT_OUT_INDEPENDENT_OF_PORT_IN",
                    "io.natrium.application.port.out.archfixture.OutPortUsingInPort"),
            Map.entry("PORTS_ARE_INTERFACES_RECORDS_OR_ENUMS",
                    "io.natrium.application.port.in.archfixture.ConcretePort"),
            Map.entry("NO_PACKAGE_CYCLES", "io.natrium.adapter.config.archfixture.cycle.first.First"),
            Map.entry("HOT_PATH_DOES_NOT_ALLOCATE_NEEDLESSLY", "io.natrium.adapter.protocol.archfixture.SlowHotPath"),
            Map.entry("USE_CASES_ARE_PORT_IN_INTERFACES", "io.natrium.application.archfixture.PublishUseCase"),
            Map.entry("SERVICES_LIVE_IN_THE_SERVICE_PACKAGE", "io.natrium.adapter.tcp.archfixture.ListenerService"),
            Map.entry("NETTY_HANDLERS_ARE_NAMED_FOR_THEIR_ROLE", "io.natrium.adapter.tcp.archfixture.InboundThing"),
            Map.entry("GUICE_MODULES_ARE_NAMED_AND_PLACED", "io.natrium.bootstrap.archfixture.Wiring"),
            Map.entry("NO_IMPL_SUFFIX", "io.natrium.application.service.archfixture.RouterImpl"),
            Map.entry("ONLY_COMMAND_LINES_WRITE_TO_STANDARD_STREAMS",
                    "io.natrium.adapter.config.archfixture.PrintsToStdout"),
            Map.entry("NOTHING_REACHES_INTO_THE_EMBEDDING_MODULE",
                    "io.natrium.application.archfixture.ApplicationStartingAnEmbeddedServer"),
            Map.entry("OFFLINE_CHECKER_STARTS_NO_SERVER",
                    "io.natrium.bootstrap.check.archfixture.CheckerStartingServer"));

    /** Where a rule has more than one way to fail: further fixtures its violation report must name as well. */
    private static final Map<String, List<String>> ALSO_REJECTED = Map.of(
            "DOMAIN_DOES_NO_IO_AND_STARTS_NO_THREADS", List.of("io.natrium.domain.archfixture.DomainStartingThreads"),
            "ADAPTERS_ARE_ISOLATED", List.of("io.natrium.adapter.monitor.archfixture.MonitorUsingProtocol",
                    "io.natrium.adapter.config.archfixture.ConfigUsingTls",
                    "io.natrium.adapter.tls.archfixture.TlsUsingProtocol"),
            "APPLICATION_STATE_IS_LAYERED",
            List.of("io.natrium.application.server.archfixture.ServerReachingSession"),
            "HOT_PATH_PORTS_HAVE_AT_MOST_TWO_IMPLEMENTATIONS", List.of(
                    "io.natrium.adapter.protocol.archfixture.HeapInboundMessage",
                    "io.natrium.adapter.protocol.archfixture.DirectInboundMessage"));

    /** What a rule allows, next to what it rejects: fixtures its violation report must not name. */
    private static final Map<String, List<String>> ACCEPTED = Map.of(
            "ADAPTERS_DRIVE_THE_APPLICATION_THROUGH_PORTS",
            List.of("io.natrium.adapter.tcp.archfixture.ListenerThroughPorts"),
            "ADAPTERS_ARE_ISOLATED", List.of("io.natrium.adapter.tcp.archfixture.TcpUsingProtocol",
                    "io.natrium.adapter.inprocess.archfixture.InProcessUsingProtocol",
                    "io.natrium.adapter.mqtt.archfixture.MqttUsingProtocol",
                    "io.natrium.adapter.tcp.archfixture.TcpUsingTls",
                    "io.natrium.adapter.monitor.archfixture.MonitorUsingTls"),
            "HOT_PATH_PORTS_HAVE_AT_MOST_TWO_IMPLEMENTATIONS", List.of(
                    "io.natrium.adapter.protocol.archfixture.PooledInboundMessage",
                    "io.natrium.testkit.archfixture.FakeInboundMessage"));

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        Set<Location> locations = new HashSet<>();
        for (String fixturePackage : List.of("io.natrium.domain.archfixture",
                "io.natrium.application.archfixture", "io.natrium.application.port.in.archfixture",
                "io.natrium.application.port.out.archfixture", "io.natrium.application.service.archfixture",
                "io.natrium.application.account.archfixture", "io.natrium.application.server.archfixture",
                "io.natrium.adapter.tcp.archfixture", "io.natrium.adapter.monitor.archfixture",
                "io.natrium.adapter.protocol.archfixture", "io.natrium.adapter.config.archfixture",
                "io.natrium.adapter.tls.archfixture", "io.natrium.adapter.inprocess.archfixture",
                "io.natrium.adapter.mqtt.archfixture",
                "io.natrium.bootstrap.archfixture", "io.natrium.bootstrap.check.archfixture",
                "io.natrium.testkit.archfixture")) {
            locations.addAll(Locations.ofPackage(fixturePackage));
        }
        // The real port the implementation-count fixtures implement: the rule looks at it by name.
        locations.addAll(Locations.ofClass(InboundMessage.class));
        fixtures = new ClassFileImporter().importLocations(locations);
    }

    @Test
    void everyRuleHasAFixture() {
        List<String> rules = rules().map(Field::getName).toList();
        assertThat(FIXTURE_FOR_RULE.keySet()).containsExactlyInAnyOrderElementsOf(rules);
        assertThat(rules).containsAll(ALSO_REJECTED.keySet()).containsAll(ACCEPTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesWithFixtures")
    void ruleRejectsItsFixture(String name, ArchRule rule, String fixture) {
        EvaluationResult result = rule.evaluate(fixtures);

        assertThat(result.hasViolation()).as("%s reports a violation", name).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(fixture);
    }

    @ParameterizedTest(name = "{0} rejects {2}")
    @MethodSource("furtherRejections")
    void ruleRejectsEachOfItsFixtures(String name, ArchRule rule, String fixture) {
        assertThat(String.join("\n", rule.evaluate(fixtures).getFailureReport().getDetails())).contains(fixture);
    }

    @ParameterizedTest(name = "{0} accepts {2}")
    @MethodSource("acceptances")
    void ruleAcceptsWhatItAllows(String name, ArchRule rule, String fixture) {
        assertThat(fixtures.contain(fixture)).as("%s is among the fixtures", fixture).isTrue();
        assertThat(String.join("\n", rule.evaluate(fixtures).getFailureReport().getDetails()))
                .doesNotContain(fixture);
    }

    static Stream<Arguments> rulesWithFixtures() {
        return rules().map(field -> Arguments.of(field.getName(), ruleIn(field), FIXTURE_FOR_RULE.get(field.getName())));
    }

    static Stream<Arguments> furtherRejections() {
        return perRule(ALSO_REJECTED);
    }

    static Stream<Arguments> acceptances() {
        return perRule(ACCEPTED);
    }

    private static Stream<Arguments> perRule(Map<String, List<String>> fixturesByRule) {
        return rules().filter(field -> fixturesByRule.containsKey(field.getName()))
                .flatMap(field -> fixturesByRule.get(field.getName()).stream()
                        .map(fixture -> Arguments.of(field.getName(), ruleIn(field), fixture)));
    }

    private static Stream<Field> rules() {
        return Arrays.stream(ArchitectureRules.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ArchRule.class);
    }

    private static ArchRule ruleIn(Field field) {
        try {
            field.setAccessible(true);
            return (ArchRule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
