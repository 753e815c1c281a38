package io.natrium.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.natrium.domain.HotPath;

import java.util.regex.Pattern;

/**
 * The architecture rules, checked against the main classes of every module and the test fakes the application
 * publishes. archunit.properties makes a rule whose {@code that()} selects nothing fail, and
 * {@link #theImportHoldsEveryModule} checks that the import saw the classes the rules are about, so neither a renamed
 * annotation nor a lost module lets the rules pass on nothing.
 */
@AnalyzeClasses(packages = "io.natrium", importOptions = ArchitectureTest.MainClassesAndApplicationFakes.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static void theImportHoldsEveryModule(JavaClasses classes) {
        assertThat(classes.that(annotatedWith(HotPath.class))).as("@HotPath classes").hasSizeGreaterThan(20);
        assertThat(classes.contain("io.natrium.application.session.ClientConnection")).as("the application").isTrue();
        assertThat(classes.contain("io.natrium.adapter.protocol.NettyClientOutbound")).as("the adapters").isTrue();
        assertThat(classes.contain("io.natrium.adapter.tls.ServerTlsFactory")).as("the TLS library").isTrue();
        assertThat(classes.contain("io.natrium.adapter.json.GoCharacterEscapes")).as("the Go JSON text").isTrue();
        assertThat(classes.contain("io.natrium.adapter.mqtt.MqttConnectionHandler")).as("the MQTT adapter").isTrue();
        assertThat(classes.that(assignableTo("com.google.inject.Module")
                .and(resideInAPackage("io.natrium.bootstrap.wiring..")))).as("bootstrap's Guice modules").isNotEmpty();
        assertThat(classes.contain("io.natrium.adapter.inprocess.InProcessClientListener")).as("the in-process "
                + "transport").isTrue();
        assertThat(classes.contain("io.natrium.embedded.NatriumServer")).as("the embedding module").isTrue();
        assertThat(classes.that(resideInAPackage(ArchitectureRules.TESTKIT))).as("the testkit").isNotEmpty();
        assertThat(classes.contain("io.natrium.testkit.memory.InMemoryOutbound"))
                .as("the in-memory transport, from the application's tests").isTrue();
        assertThat(classes.contain("io.natrium.testkit.memory.InMemoryOutboundTest"))
                .as("the tests of the fakes are not fakes").isFalse();
        assertThat(classes.that(resideInAPackage(ArchitectureRules.BENCHMARKS))).as("the benchmarks").isNotEmpty();
    }

    /**
     * Main classes, and the fakes of {@code io.natrium.testkit..} that the application keeps beside its tests and
     * publishes in its tests-jar. After the package phase Maven hands that jar over (holding only the fakes), which
     * {@link ImportOption.DoNotIncludeTests} keeps; before it (a plain {@code mvn test}), the application's whole
     * test-classes directory, of which only the fakes are taken here, without their own tests.
     */
    static final class MainClassesAndApplicationFakes implements ImportOption {

        private static final ImportOption MAIN_CLASSES = new ImportOption.DoNotIncludeTests();
        private static final Pattern APPLICATION_FAKES =
                Pattern.compile(".*/application/target/test-classes/io/natrium/testkit/.*");
        private static final Pattern TEST_CLASS = Pattern.compile(".*Test(\\$.*)?\\.class$");

        @Override
        public boolean includes(Location location) {
            return MAIN_CLASSES.includes(location)
                    || location.matches(APPLICATION_FAKES) && !location.matches(TEST_CLASS);
        }
    }
}
