package io.natrium.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.natrium.embedded.NatriumServer;
import io.natrium.embedded.jnats.InProcessNats;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension run by JUnit itself on fixture classes (static nested, so the build does not run them directly):
 * what it starts, what it injects, and that everything is stopped after, failures included.
 */
class NatriumExtensionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static final List<NatriumServer> SERVERS = new CopyOnWriteArrayList<>();
    static final List<Connection> CONNECTIONS = new CopyOnWriteArrayList<>();
    static final List<Object> INJECTED = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        SERVERS.clear();
        CONNECTIONS.clear();
        INJECTED.clear();
        ParallelA.started = new CountDownLatch(2);
    }

    @Test
    void aServerPerClassServesEveryTestAndStopsAfterTheClass() {
        run(PerClass.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SERVERS).hasSize(2);
        assertThat(SERVERS.get(0)).isSameAs(SERVERS.get(1));
        assertStopped(SERVERS.get(0));
    }

    @Test
    void aServerPerMethodIsFreshForEachTest() {
        run(PerMethod.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SERVERS).hasSize(2);
        assertThat(SERVERS.get(0).serverId()).isNotEqualTo(SERVERS.get(1).serverId());
        SERVERS.forEach(NatriumExtensionTest::assertStopped);
    }

    @Test
    void anAnnotatedMethodGetsItsOwnServerBesideTheClasss() {
        run(MethodOverClass.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SERVERS).hasSize(2);
        assertThat(SERVERS.get(0).serverId()).isNotEqualTo(SERVERS.get(1).serverId());
        SERVERS.forEach(NatriumExtensionTest::assertStopped);
    }

    @Test
    void everyKindOfParameterIsInjectedAndConnectionsAreClosedAfter() {
        run(Injection.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        NatriumServer server = SERVERS.get(0);
        assertThat(INJECTED).containsExactly(server.clientUrl(), server.inProcessUrl());
        assertThat(CONNECTIONS).hasSize(2).allSatisfy(connection ->
                assertThat(connection.getStatus()).isEqualTo(Connection.Status.CLOSED));
        assertStopped(server);
    }

    @Test
    void theAnnotationsOptionsConfigureTheServerAndTheInjectedConnections() {
        run(Configured.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(INJECTED).containsExactly(2048L, "configured");
    }

    @Test
    void aFailingTestStillStopsItsServerAndClosesItsConnections() {
        run(Failing.class).assertStatistics(stats -> stats.succeeded(0).failed(1));

        assertThat(CONNECTIONS).singleElement().satisfies(connection ->
                assertThat(connection.getStatus()).isEqualTo(Connection.Status.CLOSED));
        assertStopped(SERVERS.get(0));
    }

    @Test
    void aParameterWithoutAServerFailsWithAnExplanation() {
        run(NoServer.class).assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(ParameterResolutionException.class), message(text -> text.contains("with @Natrium"))));

        assertThat(SERVERS).isEmpty();
    }

    @Test
    void parallelClassesRunAtTheSameTimeOnSeparateServers() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SERVERS).hasSize(2);
        assertThat(SERVERS.get(0).serverId()).isNotEqualTo(SERVERS.get(1).serverId());
        SERVERS.forEach(NatriumExtensionTest::assertStopped);
    }

    @Test
    void aSingleSelectedMethodStillGetsTheClasssServer() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(PerClass.class, "first", NatriumServer.class.getName())).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertStopped(SERVERS.get(0));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    /** Neither listener takes clients any more. */
    private static void assertStopped(NatriumServer server) {
        Options socket = new Options.Builder().server(server.clientUrl()).maxReconnects(0)
                .connectionTimeout(TIMEOUT).build();
        Options inProcess = InProcessNats.options(server).maxReconnects(0).connectionTimeout(TIMEOUT).build();
        for (Options options : List.of(socket, inProcess)) {
            try (Connection unexpected = Nats.connect(options)) {
                throw new AssertionError("server " + server.serverId() + " still takes clients: " + unexpected);
            } catch (IOException expected) {
                assertThat(expected).hasMessageContaining("Unable to connect");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Natrium
    static class PerClass {

        @Test
        void first(NatriumServer server) {
            SERVERS.add(server);
        }

        @Test
        void second(NatriumServer server) {
            SERVERS.add(server);
        }
    }

    @Natrium(perMethod = true)
    static class PerMethod {

        @Test
        void first(NatriumServer server) {
            SERVERS.add(server);
        }

        @Test
        void second(NatriumServer server) {
            SERVERS.add(server);
        }
    }

    @Natrium
    static class MethodOverClass {

        @Test
        void classServer(NatriumServer server) {
            SERVERS.add(server);
        }

        @Test
        @Natrium(config = "max_payload: 1024")
        void ownServer(NatriumServer server, Connection connection) {
            SERVERS.add(server);
            assertThat(connection.getServerInfo().getMaxPayload()).isEqualTo(1024);
        }
    }

    @Natrium
    static class Injection {

        @Test
        void everything(NatriumServer server, Connection socket, @InProcess Connection inProcess,
                @NatsUrl String url, @InProcess @NatsUrl String inProcessUrl) throws Exception {
            SERVERS.add(server);
            CONNECTIONS.add(socket);
            CONNECTIONS.add(inProcess);
            INJECTED.add(url);
            INJECTED.add(inProcessUrl);
            assertThat(socket.getServerInfo().getServerId()).isEqualTo(server.serverId());
            assertThat(inProcess.getServerInfo().getServerId()).isEqualTo(server.serverId());
            var subscription = inProcess.subscribe("ping");
            inProcess.flush(TIMEOUT);
            socket.publish("ping", new byte[] {42});
            assertThat(subscription.nextMessage(TIMEOUT).getData()).containsExactly(42);
        }
    }

    @Natrium(config = "max_payload: 2048", serverName = "configured", user = "app", password = "pw")
    static class Configured {

        @Test
        void options(@InProcess Connection connection) {
            INJECTED.add(connection.getServerInfo().getMaxPayload());
            INJECTED.add(connection.getServerInfo().getServerName());
        }
    }

    @Natrium
    static class Failing {

        @Test
        void fails(NatriumServer server, Connection connection) {
            SERVERS.add(server);
            CONNECTIONS.add(connection);
            throw new AssertionError("deliberately");
        }
    }

    @ExtendWith(NatriumExtension.class)
    static class NoServer {

        @Test
        void needsOne(NatriumServer server) {
            SERVERS.add(server);
        }
    }

    @Natrium
    static class ParallelA {

        static volatile CountDownLatch started = new CountDownLatch(2);

        @Test
        void meetsB(NatriumServer server) throws InterruptedException {
            SERVERS.add(server);
            started.countDown();
            assertThat(started.await(30, TimeUnit.SECONDS)).as("the other class ran meanwhile").isTrue();
        }
    }

    @Natrium
    static class ParallelB {

        @Test
        void meetsA(NatriumServer server) throws InterruptedException {
            SERVERS.add(server);
            ParallelA.started.countDown();
            assertThat(ParallelA.started.await(30, TimeUnit.SECONDS)).as("the other class ran meanwhile").isTrue();
        }
    }
}
