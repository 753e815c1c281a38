package io.natrium.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule rejects the deliberately bad class written for it (the {@code archfixture} packages of this
 * module's test sources), so a green {@link ArchitectureTest} means the rules looked and found nothing.
 */
class ArchitectureRulesCanFailTest {

    /** Rule constant name to the fixture class its violation report must name. */
    private static final Map<String, String> FIXTURE_FOR_RULE = Map.ofEntries(
            Map.entry("LAYERS_POINT_INWARD", "io.natrium.domain.archfixture.DomainReachingUp"),
            Map.entry("DOMAIN_IS_PURE_JAVA", "io.natrium.domain.archfixture.DomainUsingNetty"),
            Map.entry("DOMAIN_STARTS_NO_THREADS", "io.natrium.domain.archfixture.DomainStartingThreads"),
            Map.entry("APPLICATION_USES_ONLY_DOMAIN_JAVA_AND_SLF4J",
                    "io.natrium.application.archfixture.ApplicationUsingJackson"),
            Map.entry("NETTY_ONLY_IN_ADAPTERS", "io.natrium.application.archfixture.ApplicationUsingNetty"),
            Map.entry("JACKSON_ONLY_IN_ADAPTERS", "io.natrium.application.archfixture.ApplicationUsingJackson"),
            Map.entry("GUICE_ONLY_IN_BOOTSTRAP", "io.natrium.adapter.tcp.archfixture.InjectedListener"),
            Map.entry("LOGBACK_ONLY_IN_BOOTSTRAP_LOGGING", "io.natrium.bootstrap.archfixture.UsesLogback"),
            Map.entry("ADAPTERS_ARE_ISOLATED", "io.natrium.adapter.tcp.archfixture.TcpReachingMonitor"),
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
            Map.entry("ONLY_BOOTSTRAP_WRITES_TO_STANDARD_STREAMS",
                    "io.natrium.adapter.config.archfixture.PrintsToStdout"),
            Map.entry("OFFLINE_CHECKER_STARTS_NO_SERVER",
                    "io.natrium.bootstrap.check.archfixture.CheckerStartingServer"));

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("io.natrium.domain.archfixture",
                "io.natrium.application.archfixture", "io.natrium.application.port.in.archfixture",
                "io.natrium.application.port.out.archfixture", "io.natrium.application.service.archfixture",
                "io.natrium.adapter.tcp.archfixture", "io.natrium.adapter.monitor.archfixture",
                "io.natrium.adapter.protocol.archfixture", "io.natrium.adapter.config.archfixture",
                "io.natrium.bootstrap.archfixture", "io.natrium.bootstrap.check.archfixture");
    }

    @Test
    void everyRuleHasAFixture() {
        assertThat(FIXTURE_FOR_RULE.keySet()).containsExactlyInAnyOrderElementsOf(
                rules().map(Field::getName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesWithFixtures")
    void ruleRejectsItsFixture(String name, ArchRule rule, String fixture) {
        EvaluationResult result = rule.evaluate(fixtures);

        assertThat(result.hasViolation()).as("%s reports a violation", name).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(fixture);
    }

    static Stream<Arguments> rulesWithFixtures() {
        return rules().map(field -> Arguments.of(field.getName(), ruleIn(field), FIXTURE_FOR_RULE.get(field.getName())));
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
