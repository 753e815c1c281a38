package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.server.RegisteredClient;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operations services perform on sessions, keeping the session classes' constructors package-private. */
public final class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private Sessions() {
    }

    /** Creates, registers and greets the session of a new connection. */
    public static ClientSession open(ServerContext server, ConnectClientCommand command, ClientOutbound outbound) {
        long id = command.greeting() == null ? server.clients().nextId()
                : server.clients().claim(command.greeting().clientId());
        ClientConnection connection = new ClientConnection(server, outbound, command.executor(), command.transport(),
                id, command.remoteHost(), command.remotePort(), command.cookies(),
                command.forwardedFor());
        connection.open(command.greeting());
        return connection;
    }

    public static void enterLameDuckMode(ServerContext server) {
        server.enterLameDuckMode();
        for (RegisteredClient client : server.clients().snapshot()) {
            client.announceLameDuckMode();
        }
    }

    public static void beginShutdown(ServerContext server) {
        server.startShutdown();
    }

    public static List<Long> openClientIds(ServerContext server) {
        return server.clients().snapshot().stream().map(RegisteredClient::id).sorted().toList();
    }

    /**
     * Puts reloaded settings in force. When max_connections went below the number of clients, the excess are turned
     * away with {@code maximum connections exceeded}, as nats-server does.
     */
    public static void applySettings(ServerContext server, ServerSettings settings) {
        server.applySettings(settings);
        int limit = settings.maxConnections();
        List<RegisteredClient> clients = server.clients().snapshot();
        clients.forEach(RegisteredClient::settingsReloaded);
        int excess = limit < 0 ? clients.size() : limit == 0 ? 0 : clients.size() - limit;
        for (int i = 0; i < excess; i++) {
            clients.get(clients.size() - 1 - i).closeForMaxConnections();
        }
        if (excess > 0) {
            LOG.info("Closed {} connections to fall within max_connections", excess);
        }
    }

    /**
     * Puts changed account JWTs in force as nats-server's {@code updateAccountClaimsWithRefresh}: every client is
     * decided again (a revoked user, an expired or deleted account closes it), and an account whose connection limit
     * fell below its clients keeps its newest and turns the others away, as nats-server 2.9.10 does.
     */
    public static void applyAccountJwts(ServerContext server, Map<String, String> jwts) {
        server.applyAccountJwts(jwts);
        List<RegisteredClient> clients = server.clients().snapshot();
        clients.forEach(RegisteredClient::accountJwtsChanged);
        Map<String, List<RegisteredClient>> byAccount = new HashMap<>();
        for (RegisteredClient client : clients) {
            byAccount.computeIfAbsent(client.accountName(), name -> new ArrayList<>()).add(client);
        }
        for (Map.Entry<String, List<RegisteredClient>> members : byAccount.entrySet()) {
            Account account = server.accounts().find(members.getKey());
            int max = account == null ? -1 : account.limits().maxConnections();
            List<RegisteredClient> inAccount = members.getValue();
            if (max < 0 || inAccount.size() <= max) {
                continue;
            }
            // nats-server 2.9.10 sorts the clients newest first and keeps the first ones: the oldest go.
            inAccount.sort(Comparator.comparingLong(RegisteredClient::id).reversed());
            for (RegisteredClient client : inAccount.subList(max, inAccount.size())) {
                client.closeForMaxAccountConnections();
            }
        }
    }

    /**
     * The URL resolver fetches {@code account} now, as for a client's CONNECT; blocking. Returns null when the account
     * is in force now, else why not in nats-server's words (the account server's error, {@code account validation
     * failed}, the JWT library's).
     */
    public static String fetchAccount(ServerContext server, String account) {
        return AccountFetch.fetch(server, account);
    }

    public static void closeForShutdown(ServerContext server, long clientId) {
        RegisteredClient client = server.clients().get(clientId);
        if (client != null) {
            client.closeFromServer(CloseReason.SERVER_SHUTDOWN);
        }
    }
}
