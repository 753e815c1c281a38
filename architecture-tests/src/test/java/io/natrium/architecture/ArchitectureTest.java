package io.natrium.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.natrium.domain.HotPath;

/**
 * The architecture rules, checked against the main classes of every module. archunit.properties makes a rule whose
 * {@code that()} selects nothing fail, and {@link #theImportHoldsEveryModule} checks that the import saw the classes
 * the rules are about, so neither a renamed annotation nor a lost module lets the rules pass on nothing.
 */
@AnalyzeClasses(packages = "io.natrium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static void theImportHoldsEveryModule(JavaClasses classes) {
        assertThat(classes.that(annotatedWith(HotPath.class))).as("@HotPath classes").hasSizeGreaterThan(20);
        assertThat(classes.contain("io.natrium.application.session.ClientConnection")).as("the application").isTrue();
        assertThat(classes.contain("io.natrium.adapter.protocol.NettyClientOutbound")).as("the adapters").isTrue();
        assertThat(classes.contain("io.natrium.adapter.tls.ServerTlsFactory")).as("the TLS library").isTrue();
        assertThat(classes.that(assignableTo("com.google.inject.Module")
                .and(resideInAPackage("io.natrium.bootstrap.wiring..")))).as("bootstrap's Guice modules").isNotEmpty();
        assertThat(classes.that(resideInAPackage(ArchitectureRules.TESTKIT))).as("the testkit").isNotEmpty();
        assertThat(classes.that(resideInAPackage(ArchitectureRules.BENCHMARKS))).as("the benchmarks").isNotEmpty();
    }
}
