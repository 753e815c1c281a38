package io.natrium.application.session;

import static io.natrium.application.session.Events.closed;
import static io.natrium.application.session.Events.err;
import static io.natrium.application.session.Events.info;
import static io.natrium.application.session.Events.msg;
import static io.natrium.application.session.Events.ok;
import static io.natrium.application.session.Events.pong;
import static io.natrium.application.session.SessionFixture.FIRST_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.server.ClosedConnection;
import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A client connection's greeting, CONNECT handling, verbose and pedantic answers, errors and closes. */
class ClientConnectionTest {

    @Nested
    class Greeting {

        @Test
        void infoComesFirstAndCarriesTheClientIdAndAddress() {
            SessionFixture fixture = SessionFixture.withDefaults();

            InMemoryClient client = InMemoryClient.connect(fixture.service(), "10.1.2.3", Integer.MAX_VALUE);

            List<OutboundEvent> events = client.received();
            assertThat(events).containsExactly(info(fixture.server().info().forClient(FIRST_CLIENT_ID, "10.1.2.3")));
            ServerInfo greeting = ((OutboundEvent.Info) events.get(0)).info();
            assertThat(greeting.clientId()).isEqualTo(FIRST_CLIENT_ID);
            assertThat(greeting.clientIp()).isEqualTo("10.1.2.3");
            assertThat(greeting.serverId()).isEqualTo(SessionFixture.IDENTITY.id());
            assertThat(greeting.headers()).isTrue();
            assertThat(greeting.lameDuckMode()).isFalse();
            assertThat(greeting.connectInfo()).isFalse();
        }

        @Test
        void clientIdsIncreaseFromTheFirstAfterTheInternalClients() {
            SessionFixture fixture = SessionFixture.withDefaults();

            List<Long> ids = Stream.generate(fixture::open).limit(3)
                    .map(client -> ((OutboundEvent.Info) client.received().get(0)).info().clientId())
                    .toList();

            assertThat(ids).containsExactly(FIRST_CLIENT_ID, FIRST_CLIENT_ID + 1, FIRST_CLIENT_ID + 2);
            assertThat(fixture.server().clients().size()).isEqualTo(3);
        }

        @Test
        void aClientOverMaxConnectionsGetsInfoThenTheErrorAndIsClosed() {
            SessionFixture fixture = SessionFixture.with(settings -> settings.maxConnections(2));
            InMemoryClient first = fixture.open();
            fixture.open();

            InMemoryClient third = fixture.open();

            assertThat(third.received()).containsExactly(info(fixture.infoFor(FIRST_CLIENT_ID + 2)),
                    err("maximum connections exceeded"), closed(CloseReason.MAX_CONNECTIONS_EXCEEDED));
            assertThat(third.session().isClosed()).isTrue();
            assertThat(third.clock().pendingTimers()).isZero();
            assertThat(fixture.server().clients().size()).isEqualTo(2);
            assertThat(fixture.server().clients().get(3)).isNull();

            assertThat(fixture.server().closedConnections().snapshot()).as("the transport reported the close")
                    .hasSize(1);
            assertThat(fixture.server().globalAccount().connections())
                    .as("a refused client never joined the account, so it does not leave it").isEqualTo(2);

            first.disconnect();
            InMemoryClient fourth = fixture.open();
            assertThat(fourth.received()).containsExactly(info(fixture.infoFor(FIRST_CLIENT_ID + 3)));
            assertThat(fourth.session().isClosed()).isFalse();
        }

        @Test
        void negativeMaxConnectionsRefusesEveryClient() {
            SessionFixture fixture = SessionFixture.with(settings -> settings.maxConnections(-1));

            InMemoryClient client = fixture.open();

            assertThat(client.received()).containsExactly(info(fixture.infoFor(FIRST_CLIENT_ID)),
                    err("maximum connections exceeded"), closed(CloseReason.MAX_CONNECTIONS_EXCEEDED));
            assertThat(fixture.server().clients().size()).isZero();
        }

        @Test
        void zeroMaxConnectionsIsNoLimit() {
            SessionFixture fixture = SessionFixture.with(settings -> settings.maxConnections(0));

            List<InMemoryClient> clients = Stream.generate(fixture::open).limit(5).toList();

            assertThat(clients).noneMatch(client -> client.session().isClosed());
            assertThat(fixture.server().clients().size()).isEqualTo(5);
        }
    }

    @Nested
    class ConnectOperation {

        @Test
        void beforeConnectAClientIsVerbosePedanticAndEchoed() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.open();
            client.received();

            client.subscribe("foo.>", null, "1");
            assertThat(client.received()).containsExactly(ok());

            client.publish("foo.*", null, "hi");
            assertThat(client.received()).containsExactly(err("Invalid Publish Subject"), ok(),
                    msg("foo.*", "1", "hi"));
        }

        @Test
        void anEmptyConnectKeepsTheDefaults() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.open();
            client.received();

            client.connect(Connect.empty().build());
            assertThat(client.received()).containsExactly(ok());

            client.subscribe("foo", null, "1").publish("foo", null, "x");
            assertThat(client.received()).containsExactly(ok(), ok(), msg("foo", "1", "x"));
        }

        @Test
        void aSecondConnectAppliesOnTopOfTheFirst() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.connect(Connect.empty().verbose(false));
            client.subscribe("foo", null, "1");

            client.connect(Connect.empty().echo(false).build());
            client.publish("foo", null, "x");
            assertThat(client.received()).as("still quiet, now without echo").isEmpty();

            client.connect(Connect.empty().build());
            client.publish("foo", null, "y");
            assertThat(client.received()).as("fields a CONNECT leaves out keep their value").isEmpty();

            client.connect(Connect.empty().echo(true).verbose(true).build());
            client.publish("foo", null, "z");
            assertThat(client.received()).containsExactly(ok(), ok(), msg("foo", "1", "z"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1})
        void protocolZeroAndOneAreAccepted(int protocol) {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();

            client.connect(Connect.empty().protocol(protocol).build());

            assertThat(client.received()).containsExactly(ok());
            assertThat(client.session().isClosed()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 2, 3, 100})
        void anyOtherProtocolIsRefused(int protocol) {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();

            client.connect(Connect.empty().protocol(protocol).build());

            assertThat(client.received()).containsExactly(err("invalid client protocol"),
                    closed(CloseReason.BAD_CLIENT_PROTOCOL_VERSION));
            assertThat(client.session().isClosed()).isTrue();
        }

        @Test
        void noRespondersWithoutHeadersIsRefused() {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();

            client.connect(Connect.empty().noResponders(true).build());

            assertThat(client.received()).containsExactly(err("no responders requires headers support"),
                    closed(CloseReason.NO_RESPONDERS_REQUIRES_HEADERS));
        }

        @Test
        void noRespondersIsRefusedWhenTheServerHasNoHeaderSupport() {
            InMemoryClient client = SessionFixture.with(settings -> settings.noHeaderSupport(true)).open();
            client.received();

            client.connect(Connect.empty().headers(true).noResponders(true).build());

            assertThat(client.received()).containsExactly(err("no responders requires headers support"),
                    closed(CloseReason.NO_RESPONDERS_REQUIRES_HEADERS));
        }

        @Test
        void noRespondersWithHeadersIsAccepted() {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();

            client.connect(Connect.empty().headers(true).noResponders(true).build());

            assertThat(client.received()).containsExactly(ok());
        }

        static Stream<Arguments> accountDesignations() {
            return Stream.of(
                    Arguments.of("account", Connect.empty().account("A")),
                    Arguments.of("new_account", Connect.empty().newAccount(true)),
                    Arguments.of("both", Connect.empty().account("A").newAccount(true)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("accountDesignations")
        void namingAnAccountIsAnAuthorizationViolation(String field, Connect options) {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();

            client.connect(options.build());

            assertThat(client.received()).containsExactly(err("Authorization Violation"),
                    closed(CloseReason.AUTHENTICATION_VIOLATION));
        }

        @Test
        void anEmptyAccountNameIsNoDesignation() {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();

            client.connect(Connect.empty().account("").newAccount(false).build());

            assertThat(client.received()).containsExactly(ok());
        }

        @ParameterizedTest(name = "server without headers: {0}, client asks: {1} -> headers {2}")
        @CsvSource({
                "false, true,  true",
                "false, false, false",
                "true,  true,  false",
                "true,  false, false"})
        void headersNeedTheServerAndTheClient(boolean noHeaderSupport, boolean clientHeaders, boolean expected) {
            SessionFixture fixture = SessionFixture.with(settings -> settings.noHeaderSupport(noHeaderSupport));
            InMemoryClient client = fixture.open();
            assertThat(client.session().acceptsHeaders()).as("before CONNECT").isFalse();

            SessionFixture.connected(client, Connect.quiet().headers(clientHeaders));

            assertThat(client.session().acceptsHeaders()).isEqualTo(expected);
            assertThat(fixture.server().info().headers()).isEqualTo(!noHeaderSupport);
        }

        @Test
        void aClosedSessionIgnoresConnect() {
            InMemoryClient client = SessionFixture.withDefaults().open();
            client.received();
            client.connect(Connect.empty().protocol(7).build());
            client.received();

            client.connect(Connect.empty().build());

            assertThat(client.received()).isEmpty();
        }
    }

    @Nested
    class Verbose {

        @Test
        void everyOperationIsAcknowledged() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.open();
            client.received();

            client.connect(Connect.empty().verbose(true).pedantic(false).build());
            client.subscribe("foo", null, "1");
            client.publish("bar", null, "x");
            client.unsubscribe("1", -1);
            client.unsubscribe("unknown", -1);
            client.unsubscribe("unknown", 5);

            assertThat(client.received()).containsExactly(ok(), ok(), ok(), ok(), ok(), ok());
        }

        @Test
        void aQuietClientGetsNoAcknowledgements() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.open();
            client.received();

            client.connect(Connect.quiet().build());
            client.subscribe("foo", null, "1");
            client.publish("bar", null, "x");
            client.unsubscribe("1", -1);
            client.unsubscribe("unknown", -1);

            assertThat(client.received()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo.*", "foo.>", "*", ">", "foo.", ".foo", "foo..bar"})
        void aPedanticClientIsToldOfAnInvalidPublishSubjectBeforeTheAcknowledgement(String subject) {
            InMemoryClient client = SessionFixture.withDefaults().connect(Connect.empty().pedantic(true));

            client.publish(subject, null, "x");

            assertThat(client.received()).containsExactly(err("Invalid Publish Subject"), ok());
            assertThat(client.session().isClosed()).isFalse();
        }

        @Test
        void theInvalidPublishIsStillDelivered() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient subscriber = fixture.connect();
            subscriber.subscribe("foo.*", null, "1").subscribe(">", null, "2");
            InMemoryClient publisher = fixture.connect(Connect.quiet().pedantic(true));

            publisher.publish("foo.*", null, "wild");

            assertThat(publisher.received()).containsExactly(err("Invalid Publish Subject"));
            assertThat(subscriber.received()).containsExactlyInAnyOrder(msg("foo.*", "1", "wild"),
                    msg("foo.*", "2", "wild"));
        }

        @Test
        void aClientThatIsNotPedanticGetsNoError() {
            InMemoryClient client = SessionFixture.withDefaults().connect(Connect.empty().pedantic(false));

            client.publish("foo.*", null, "x");

            assertThat(client.received()).containsExactly(ok());
        }
    }

    @Nested
    class Ping {

        @Test
        void aClientPingIsAnsweredInTheSameRead() {
            InMemoryClient client = SessionFixture.withDefaults().connect();

            client.session().ping();
            client.session().ping();
            client.session().readBatchComplete();

            assertThat(client.received()).containsExactly(pong(), pong());
        }

        @Test
        void theFirstPingOfAProtocolOneClientAlsoGetsTheConnectInfo() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.connect(Connect.quiet().protocol(1));

            client.ping();
            assertThat(client.received()).containsExactly(pong(),
                    info(fixture.infoFor(FIRST_CLIENT_ID).asConnectInfo("$G", false)));

            client.ping();
            assertThat(client.received()).containsExactly(pong());
        }

        @Test
        void aProtocolZeroClientGetsOnlyPong() {
            InMemoryClient client = SessionFixture.withDefaults().connect(Connect.quiet().protocol(0));

            client.ping();

            assertThat(client.received()).containsExactly(pong());
        }

        @Test
        void aPingBeforeConnectGetsOnlyPongAndDoesNotUseUpTheConnectInfo() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.open();
            client.received();

            client.ping();
            assertThat(client.received()).containsExactly(pong());

            SessionFixture.connected(client, Connect.quiet().protocol(1));
            client.ping();
            assertThat(client.received()).containsExactly(pong(),
                    info(fixture.infoFor(FIRST_CLIENT_ID).asConnectInfo("$G", false)));
        }
    }

    @Nested
    class Errors {

        static Stream<Arguments> protocolErrors() {
            return Stream.of(
                    Arguments.of(ProtocolError.UNKNOWN_OPERATION,
                            List.of(err("Unknown Protocol Operation"), closed(CloseReason.PROTOCOL_VIOLATION))),
                    Arguments.of(ProtocolError.MAX_CONTROL_LINE_EXCEEDED,
                            List.of(err("maximum control line exceeded"),
                                    closed(CloseReason.MAX_CONTROL_LINE_EXCEEDED))),
                    Arguments.of(ProtocolError.MAX_PAYLOAD_EXCEEDED,
                            List.of(err("Maximum Payload Violation"), closed(CloseReason.MAX_PAYLOAD_EXCEEDED))),
                    Arguments.of(ProtocolError.OPERATION_BEFORE_CONNECT,
                            List.of(err("Authorization Violation"), closed(CloseReason.AUTHENTICATION_VIOLATION))),
                    Arguments.of(ProtocolError.MALFORMED_ARGUMENTS, List.of(closed(CloseReason.PROTOCOL_VIOLATION))),
                    Arguments.of(ProtocolError.MALFORMED_JSON, List.of(closed(CloseReason.PROTOCOL_VIOLATION))),
                    Arguments.of(ProtocolError.HEADERS_NOT_SUPPORTED,
                            List.of(closed(CloseReason.PROTOCOL_VIOLATION))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("protocolErrors")
        void aProtocolErrorClosesAsNatsServerDoes(ProtocolError error, List<OutboundEvent> expected) {
            InMemoryClient client = SessionFixture.withDefaults().connect();

            client.session().protocolError(error, "the parser's detail");

            assertThat(client.received()).containsExactlyElementsOf(expected);
            assertThat(client.session().isClosed()).isTrue();
        }

        @Test
        void anErrorFromTheClientClosesSilently() {
            InMemoryClient client = SessionFixture.withDefaults().connect();

            client.session().clientError("something broke");

            assertThat(client.received()).containsExactly(closed(CloseReason.PARSE_ERROR));
        }

        @Test
        void whatWasQueuedInTheReadIsFlushedBeforeTheError() {
            InMemoryClient client = SessionFixture.withDefaults().connect(Connect.empty());

            client.session().subscribe("foo", null, "1");
            client.session().protocolError(ProtocolError.UNKNOWN_OPERATION, "Client parser ERROR");

            assertThat(client.received()).containsExactly(ok(), err("Unknown Protocol Operation"),
                    closed(CloseReason.PROTOCOL_VIOLATION));
        }

        @Test
        void aClosedSessionIgnoresEveryOperation() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient subscriber = fixture.connect();
            subscriber.subscribe("foo", null, "1");
            InMemoryClient client = fixture.connect(Connect.empty());
            client.session().protocolError(ProtocolError.MALFORMED_ARGUMENTS, "processSub Parse Error");
            client.received();

            client.subscribe("foo", null, "1").publish("foo", null, "x").unsubscribe("1", -1).ping();

            assertThat(client.received()).isEmpty();
            assertThat(subscriber.received()).isEmpty();
        }
    }

    @Nested
    class Close {

        @Test
        void aClosedClientsSubscriptionsLeaveTheSublist() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient subscriber = fixture.connect();
            subscriber.subscribe("foo", null, "1").subscribe("foo.>", null, "2").subscribe("foo", "q", "3");
            InMemoryClient publisher = fixture.connect();
            assertThat(fixture.globalClientSubscriptions()).isEqualTo(3);

            subscriber.disconnect();

            assertThat(fixture.globalClientSubscriptions()).isZero();
            publisher.publish("foo", null, "x").publish("foo.bar", null, "y");
            assertThat(subscriber.received()).isEmpty();
        }

        @Test
        void theRegistryForgetsAClosedClient() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient first = fixture.connect();
            InMemoryClient second = fixture.connect();

            first.disconnect();

            assertThat(fixture.server().clients().get(FIRST_CLIENT_ID)).isNull();
            assertThat(fixture.server().clients().get(FIRST_CLIENT_ID + 1)).isSameAs(SessionFixture.connection(second));
            assertThat(fixture.server().clients().size()).isEqualTo(1);
            assertThat(first.session().isClosed()).isTrue();
        }

        @Test
        void aCloseTheSessionAskedForIsCompletedByTheTransport() {
            SessionFixture fixture = SessionFixture.withDefaults();
            InMemoryClient client = fixture.open();
            client.received();
            client.connect(Connect.empty().protocol(2).build());
            assertThat(client.outbound().closeReason()).isEqualTo(CloseReason.BAD_CLIENT_PROTOCOL_VERSION);

            assertThat(fixture.server().clients().size()).isZero();
            assertThat(fixture.server().closedConnections().snapshot()).extracting(ClosedConnection::reason)
                    .containsExactly(CloseReason.BAD_CLIENT_PROTOCOL_VERSION);
            assertThat(client.clock().pendingTimers()).isZero();
        }
    }
}
