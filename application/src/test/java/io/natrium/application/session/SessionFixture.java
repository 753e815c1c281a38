package io.natrium.application.session;

import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.server.ServerStatistics;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.settings.ServerSettings;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import java.util.function.UnaryOperator;

/**
 * A server context with chosen settings and the connect service in front of it, connecting in-memory clients.
 * Every client has its own manual clock; the sublist cache sweeps inline.
 */
final class SessionFixture {

    static final String CLIENT_HOST = "127.0.0.1";
    /**
     * The first client's id in the default configuration: nats-server numbers its internal clients first, the
     * system client, {@code $G}'s internal client (for the system imports) and the system send queue's.
     */
    static final long FIRST_CLIENT_ID = 4;
    static final ServerIdentity IDENTITY = new ServerIdentity("NTESTSERVER", "test-server", "2.11.0", "java-test");

    private final ServerContext server;
    private final ConnectClientUseCase service;

    private SessionFixture(ServerSettings settings, ProtocolTracer tracer) {
        this.server = new ServerContext(settings, IDENTITY, Runnable::run, tracer);
        this.service = new ConnectClientService(server);
    }

    /** nats-server's default settings. */
    static SessionFixture withDefaults() {
        return new SessionFixture(ServerSettings.defaults(), ProtocolTracer.OFF);
    }

    /** Default settings changed by {@code settings}. */
    static SessionFixture with(UnaryOperator<ServerSettings.Builder> settings) {
        return new SessionFixture(settings.apply(ServerSettings.builder()).build(), ProtocolTracer.OFF);
    }

    /** Default settings, protocol traces going to {@code tracer}. */
    static SessionFixture tracedBy(ProtocolTracer tracer) {
        return new SessionFixture(ServerSettings.defaults(), tracer);
    }

    ServerContext server() {
        return server;
    }

    /**
     * The clients' subscriptions in the global account, leaving out those its internal client holds for the system
     * imports.
     */
    long globalClientSubscriptions() {
        return server.globalAccount().sublist().all().stream().filter(subscription -> !subscription.isImport())
                .count();
    }

    ServerStatistics statistics() {
        return server.statistics();
    }

    ConnectClientUseCase service() {
        return service;
    }

    /** A new transport connection; nothing sent yet and its INFO still unread. */
    InMemoryClient open() {
        return InMemoryClient.connect(service);
    }

    /** A new transport connection whose outbound holds at most {@code maxPendingBytes} unflushed bytes. */
    InMemoryClient open(long maxPendingBytes) {
        return InMemoryClient.connect(service, CLIENT_HOST, maxPendingBytes);
    }

    /** A client that sent CONNECT with these options; what it received so far (INFO, +OK) is discarded. */
    InMemoryClient connect(Connect options) {
        return connected(open(), options);
    }

    /** A client with verbose and pedantic off, as most client libraries connect; nothing left unread. */
    InMemoryClient connect() {
        return connect(Connect.quiet());
    }

    /** Sends CONNECT on an opened client and discards what it received so far. */
    static InMemoryClient connected(InMemoryClient client, Connect options) {
        client.received();
        client.connect(options.build());
        client.received();
        return client;
    }

    /** The INFO the server greets the client with this id from the default test address. */
    ServerInfo infoFor(long clientId) {
        return server.info().forClient(clientId, CLIENT_HOST);
    }

    /** The session behind an in-memory client, as the registry and monitoring see it. */
    static RegisteredConnection connection(InMemoryClient client) {
        return ((ClientConnection) client.session()).registered();
    }

    /** A message with headers; the header block is {@code NATS/1.0} plus the given lines. */
    static BytesMessage withHeaders(String subject, String reply, String headerLines, String payload) {
        return new BytesMessage(subject, reply, "NATS/1.0\r\n" + headerLines + "\r\n", payload);
    }

    /** Several publishes in one read from the wire: nothing is flushed before the read ends. */
    static void publishInOneRead(InMemoryClient publisher, BytesMessage... messages) {
        publisher.read(session -> {
            for (BytesMessage message : messages) {
                session.checkPublishSubject(message.subject());
                session.publish(message);
            }
        });
    }

    /** The CONNECT options of a test: every field absent (null) unless set. */
    static final class Connect {
        private Boolean verbose;
        private Boolean pedantic;
        private Boolean echo;
        private Boolean headers;
        private Boolean noResponders;
        private Integer protocol;
        private String account;
        private Boolean newAccount;
        private String name;
        private String lang;
        private String version;

        /** {@code CONNECT {}}. */
        static Connect empty() {
            return new Connect();
        }

        /** {@code CONNECT {"verbose":false,"pedantic":false}}. */
        static Connect quiet() {
            return new Connect().verbose(false).pedantic(false);
        }

        Connect verbose(boolean value) {
            verbose = value;
            return this;
        }

        Connect pedantic(boolean value) {
            pedantic = value;
            return this;
        }

        Connect echo(boolean value) {
            echo = value;
            return this;
        }

        Connect headers(boolean value) {
            headers = value;
            return this;
        }

        Connect noResponders(boolean value) {
            noResponders = value;
            return this;
        }

        Connect protocol(int value) {
            protocol = value;
            return this;
        }

        Connect account(String value) {
            account = value;
            return this;
        }

        Connect newAccount(boolean value) {
            newAccount = value;
            return this;
        }

        Connect name(String value) {
            name = value;
            return this;
        }

        Connect lang(String value) {
            lang = value;
            return this;
        }

        Connect version(String value) {
            version = value;
            return this;
        }

        ConnectRequest build() {
            return new ConnectRequest(verbose, pedantic, null, null, null, null, name, lang, version, protocol, echo,
                    headers, noResponders, null, null, null, account, newAccount);
        }
    }
}
