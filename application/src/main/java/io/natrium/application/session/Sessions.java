package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.out.ClientOutbound;

import java.util.List;

/** The operations services perform on sessions, keeping the session classes' constructors package-private. */
public final class Sessions {

    private Sessions() {
    }

    /** Creates, registers and greets the session of a new connection. */
    public static ClientSession open(ServerContext server, ConnectClientCommand command, ClientOutbound outbound) {
        ClientConnection connection = new ClientConnection(server, outbound, command.executor(),
                server.clients().nextId(), command.remoteHost(), command.remotePort());
        connection.open();
        return connection;
    }

    public static void enterLameDuckMode(ServerContext server) {
        server.enterLameDuckMode();
        for (ClientConnection client : server.clients().snapshot()) {
            client.announceLameDuckMode();
        }
    }

    public static void beginShutdown(ServerContext server) {
        server.startShutdown();
    }

    public static List<Long> openClientIds(ServerContext server) {
        return server.clients().snapshot().stream().map(ClientConnection::id).sorted().toList();
    }

    public static void closeForShutdown(ServerContext server, long clientId) {
        ClientConnection client = server.clients().get(clientId);
        if (client != null) {
            client.closeFromServer(CloseReason.SERVER_SHUTDOWN);
        }
    }
}
