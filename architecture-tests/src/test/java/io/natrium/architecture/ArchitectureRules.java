package io.natrium.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;

import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.domain.HotPath;

import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rules of docs/architecture.md, one named constant each. {@link ArchitectureTest} checks them against the main
 * classes of every module (the production modules, the testkit and the benchmarks); {@link ArchitectureRulesCanFailTest}
 * shows each of them rejecting a deliberately bad class from the {@code archfixture} packages of this module's test
 * sources.
 */
final class ArchitectureRules {

    static final String DOMAIN = "io.natrium.domain..";
    static final String APPLICATION = "io.natrium.application..";
    static final String ADAPTERS = "io.natrium.adapter..";
    static final String BOOTSTRAP = "io.natrium.bootstrap..";
    static final String EMBEDDED = "io.natrium.embedded..";
    static final String TESTKIT = "io.natrium.testkit..";
    static final String BENCHMARKS = "io.natrium.benchmarks..";
    static final String PIPELINE_BENCHMARKS = "io.natrium.benchmarks.pipeline..";

    /**
     * Packages that reach files, sockets or the process environment. {@code java.io} is banned whole: neither the
     * domain nor the application needs even its exceptions or {@code Serializable} today, so there is nothing to allow
     * by name.
     */
    static final String[] IO_PACKAGES = {"java.io..", "java.nio.file..", "java.nio.channels..", "java.net..",
        "java.util.logging..", "java.util.prefs..", "java.util.zip..", "java.util.jar.."};

    @ArchTest
    static final ArchRule LAYERS_POINT_INWARD = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .layer("Embedded").definedBy(EMBEDDED)
            .layer("Testkit").definedBy(TESTKIT)
            .layer("Benchmarks").definedBy(BENCHMARKS)
            .whereLayer("Embedded").mayOnlyBeAccessedByLayers("Benchmarks")
            .whereLayer("Bootstrap").mayOnlyBeAccessedByLayers("Embedded")
            .whereLayer("Testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap", "Embedded", "Testkit", "Benchmarks")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap", "Embedded", "Testkit",
                    "Benchmarks")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap", "Embedded",
                    "Testkit", "Benchmarks")
            .because("dependencies point inward (adapters -> application -> domain) so the core never changes "
                    + "for a transport, only bootstrap knows every module (and the embedding module, which starts "
                    + "servers through bootstrap's wiring), and nothing ships depending on the testkit or the "
                    + "benchmarks");

    @ArchTest
    static final ArchRule NOTHING_REACHES_INTO_THE_EMBEDDING_MODULE = noClasses()
            .that().resideOutsideOfPackages(EMBEDDED, BENCHMARKS)
            .should().dependOnClassesThat().resideInAPackage(EMBEDDED)
            .because("the embedding module is a way to start the server from a user's code, beside the command "
                    + "line: the server itself must run the same without it (the benchmarks measure it)");

    @ArchTest
    static final ArchRule ADAPTERS_DRIVE_THE_APPLICATION_THROUGH_PORTS = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat(resideInAPackage(APPLICATION)
                    .and(not(resideInAnyPackage("io.natrium.application.port..", "io.natrium.application.settings.."))))
            .because("adapters reach the application through its ports and the settings records they produce (and "
                    + "use the domain directly); services, sessions and the settings-to-policy mappers are the "
                    + "application's own, which only bootstrap wires");

    @ArchTest
    static final ArchRule DOMAIN_IS_PURE_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.lang..", "java.util..",
                    "java.time..", "java.nio.charset..", "java.security..")
            .because("the domain is the reusable model of NATS: no I/O, no framework, usable offline by tools");

    @ArchTest
    static final ArchRule DOMAIN_DOES_NO_IO_AND_STARTS_NO_THREADS = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(IO_PACKAGES)
            .orShould().dependOnClassesThat(assignableTo(Thread.class).or(assignableTo(ExecutorService.class))
                    .or(belongToAnyOf(ProcessBuilder.class, Runtime.class, Executors.class,
                            CompletableFuture.class, Timer.class)))
            .because("the domain decides and never acts: no files, sockets or logs of its own, and no threads (what "
                    + "must run elsewhere, a sublist cache sweep, goes to an Executor its caller supplies, so that "
                    + "bootstrap names and bounds every thread the server runs)");

    @ArchTest
    static final ArchRule APPLICATION_USES_ONLY_DOMAIN_JAVA_AND_SLF4J = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "org.slf4j..")
            .because("use cases must stay testable without a network stack, JSON library or injector");

    @ArchTest
    static final ArchRule APPLICATION_DOES_NO_IO = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(IO_PACKAGES)
            .because("use cases stay testable without a network stack or a file system: sockets belong to the "
                    + "transport adapters, files to the config adapter and bootstrap, logs to SLF4J");

    @ArchTest
    static final ArchRule NETTY_ONLY_IN_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages(ADAPTERS, TESTKIT, PIPELINE_BENCHMARKS)
            .should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("the transport is an adapter concern; the core sees bytes through ports, never ByteBufs (the "
                    + "benchmark of the protocol adapter's pipeline drives its channels, as the adapter's tests do)");

    @ArchTest
    static final ArchRule JACKSON_ONLY_IN_ADAPTERS = noClasses().that().resideOutsideOfPackages(ADAPTERS, TESTKIT)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON is a wire and monitoring format, which adapters own");

    @ArchTest
    static final ArchRule GUICE_ONLY_IN_BOOTSTRAP = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                    "javax.inject..")
            .because("wiring happens in one place with explicit @Provides methods; the rest carries no DI "
                    + "annotations and is built with plain constructors");

    @ArchTest
    static final ArchRule LOGBACK_ONLY_IN_BOOTSTRAP_LOGGING = noClasses()
            .that().resideOutsideOfPackage("io.natrium.bootstrap.logging..")
            .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
            .because("code logs through SLF4J; Logback is the backend bootstrap configures, in one package, "
                    + "without XML so that a new server answers within half a second");

    @ArchTest
    static final ArchRule ADAPTERS_ARE_ISOLATED = slices().matching("io.natrium.adapter.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage("io.natrium.adapter.tcp..", "io.natrium.adapter.websocket..",
                    "io.natrium.adapter.inprocess..", "io.natrium.adapter.mqtt.."),
                    resideInAPackage("io.natrium.adapter.protocol.."))
            .ignoreDependency(resideInAnyPackage("io.natrium.adapter.tcp..", "io.natrium.adapter.websocket..",
                    "io.natrium.adapter.mqtt..", "io.natrium.adapter.monitor.."),
                    resideInAPackage("io.natrium.adapter.tls.."))
            .ignoreDependency(resideInAnyPackage("io.natrium.adapter.protocol..", "io.natrium.adapter.monitor.."),
                    resideInAPackage("io.natrium.adapter.json.."))
            .because("adapters meet only where the client transports (TCP, WebSocket, in-process, MQTT) share the "
                    + "wire codec and outbound, the listeners (TCP, WebSocket, MQTT, HTTPS monitoring) share the "
                    + "TLS library, which itself knows no wire codec, and the JSON writers (INFO, monitoring) share "
                    + "Go's JSON text; anything else they share belongs in the application");

    @ArchTest
    static final ArchRule APPLICATION_STATE_IS_LAYERED = CompositeArchRule.of(noClasses()
                    .that().resideInAPackage("io.natrium.application.account..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.natrium.application.server..",
                            "io.natrium.application.session.."))
            .and(noClasses()
                    .that().resideInAPackage("io.natrium.application.server..")
                    .should().dependOnClassesThat().resideInAPackage("io.natrium.application.session.."))
            .because("a connection's session sits on the server's shared state, which sits on the accounts: an "
                    + "account that reached a session, or the server a connection's internals, would tie the "
                    + "three back into the one package they were split from");

    @ArchTest
    static final ArchRule PORT_OUT_INDEPENDENT_OF_PORT_IN = noClasses()
            .that().resideInAPackage("io.natrium.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("io.natrium.application.port.in..")
            .because("out-ports describe what the application needs from the world, independent of how it is "
                    + "driven");

    @ArchTest
    static final ArchRule PORTS_ARE_INTERFACES_RECORDS_OR_ENUMS = classes()
            .that().resideInAPackage("io.natrium.application.port..")
            .should().beInterfaces().orShould().beRecords().orShould().beEnums()
            .because("ports are contracts and plain data; behaviour lives in services and adapters");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.natrium.(**)")
            .should().beFreeOfCycles()
            .because("a package cycle makes two packages one in all but name");

    @ArchTest
    static final ArchRule HOT_PATH_DOES_NOT_ALLOCATE_NEEDLESSLY = noClasses().that().areAnnotatedWith(HotPath.class)
            .should().dependOnClassesThat().resideInAnyPackage("java.util.stream..", "java.util.regex..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.util\\.Optional.*")
            .orShould().callMethod(String.class, "format", String.class, Object[].class)
            .orShould().callMethod(String.class, "formatted", Object[].class)
            .because("hot-path code runs once per message: streams, Optional, regex and String.format allocate "
                    + "per call");

    @ArchTest
    static final ArchRule HOT_PATH_PORTS_HAVE_AT_MOST_TWO_IMPLEMENTATIONS = classes()
            .that().haveFullyQualifiedName(ClientSession.class.getName())
            .or().haveFullyQualifiedName(InboundMessage.class.getName())
            .or().haveFullyQualifiedName(ClientOutbound.class.getName())
            .or().haveFullyQualifiedName(DeliveryCount.class.getName())
            .should(haveAtMostTwoProductionImplementations())
            .because("the JIT inlines a call site that sees at most two receiver classes; a third implementation "
                    + "of a per-message interface makes its calls megamorphic (testkit fakes do not run in "
                    + "production and are not counted)");

    @ArchTest
    static final ArchRule USE_CASES_ARE_PORT_IN_INTERFACES = classes().that().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces().andShould().resideInAPackage("io.natrium.application.port.in..")
            .because("a *UseCase is an in-port: the interface adapters drive the application through");

    @ArchTest
    static final ArchRule SERVICES_LIVE_IN_THE_SERVICE_PACKAGE = classes().that().haveSimpleNameEndingWith("Service")
            .should().resideInAPackage("io.natrium.application.service..")
            .because("*Service names the application services that implement use cases, and nothing else");

    @ArchTest
    static final ArchRule NETTY_HANDLERS_ARE_NAMED_FOR_THEIR_ROLE = classes()
            .that().areAssignableTo("io.netty.channel.ChannelHandler").and().areNotAnonymousClasses()
            .should().haveNameMatching(".*(Handler|Decoder|Encoder|Initializer)")
            .because("a pipeline reads like its handlers' names");

    @ArchTest
    static final ArchRule GUICE_MODULES_ARE_NAMED_AND_PLACED = classes()
            .that().areAssignableTo("com.google.inject.Module").and().areNotAnonymousClasses()
            .should().haveSimpleNameEndingWith("Module").andShould().resideInAPackage("io.natrium.bootstrap.wiring..")
            .because("all wiring sits in bootstrap.wiring, one *Module per adapter");

    @ArchTest
    static final ArchRule NO_IMPL_SUFFIX = noClasses().should().haveSimpleNameEndingWith("Impl")
            .because("an implementation is named for its technology or role (NettyClientOutbound), not *Impl");

    @ArchTest
    static final ArchRule ONLY_COMMAND_LINES_WRITE_TO_STANDARD_STREAMS = noClasses()
            .that().resideOutsideOfPackages(BOOTSTRAP, BENCHMARKS)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a server reports through its logger; only command lines print: the server's (bootstrap) and "
                    + "the benchmarks' load and start-up tools");

    @ArchTest
    static final ArchRule OFFLINE_CHECKER_STARTS_NO_SERVER = classes()
            .that().resideInAPackage("io.natrium.bootstrap.check..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.natrium.bootstrap.check..", DOMAIN,
                    "io.natrium.application.settings..", "io.natrium.application.security..",
                    "io.natrium.adapter.config..", "java..")
            .because("natrium check answers from the configuration alone, with the domain's decisions and the "
                    + "server's settings mapping: no injector, no sockets, no sessions");

    private static ArchCondition<JavaClass> haveAtMostTwoProductionImplementations() {
        DescribedPredicate<JavaClass> production = not(resideInAnyPackage(TESTKIT, BENCHMARKS));
        return new ArchCondition<>("have at most two production implementations") {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                List<String> implementations = port.getAllSubclasses().stream()
                        .filter(type -> !type.isInterface() && !type.getModifiers().contains(ABSTRACT))
                        .filter(production)
                        .map(JavaClass::getName)
                        .sorted()
                        .toList();
                boolean tooMany = implementations.size() > 2;
                events.add(new SimpleConditionEvent(port, !tooMany, port.getName() + " has "
                        + implementations.size() + " production implementations: " + implementations));
            }
        };
    }

    private ArchitectureRules() {
    }
}
