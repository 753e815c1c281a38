package io.natrium.application.system;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ReloadResult;
import io.natrium.application.port.in.ReloadUseCase;
import io.natrium.application.port.out.MonitoringReply;
import io.natrium.application.port.out.SystemServices;
import io.natrium.application.port.out.SystemServices.SubscriberCountRequest;
import io.natrium.application.server.RegisteredClient;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.SystemClient;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.sublist.SublistResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request services that act rather than report: IDZ, an account's CONNS, NSUBS, and of later nats-server
 * versions RELOAD, KICK and LDM (nats-server's {@code idzReq}, {@code connsRequest}, {@code nsubsRequest},
 * {@code reloadConfig}, {@code kickClient}, {@code ldmClient}). On the system thread.
 */
final class ControlRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ControlRequests.class);
    private static final int ACCOUNT_REQUEST_TOKENS = 5;
    private static final int ACCOUNT_INDEX = 3;
    private static final int SERVER_ERROR = 500;

    private final ServerContext server;
    private final SystemServices services;
    private final SystemReplies replies;
    private final ReloadUseCase reload;
    private final SystemEvents events;

    ControlRequests(ServerContext server, SystemServices services, SystemReplies replies, ReloadUseCase reload,
            SystemEvents events) {
        this.server = server;
        this.services = services;
        this.replies = replies;
        this.reload = reload;
        this.events = events;
    }

    /** IDZ: the server's name, host and id, unwrapped. */
    void identity(SystemClient.Received request) {
        replies.sendRaw(request.reply(), server.messages().serverIdentity(server.identity().name(),
                server.settings().host(), server.identity().id()));
    }

    /**
     * {@code $SYS.REQ.ACCOUNT.<acc>.CONNS}: the account's CONNS event to the reply when it has clients here; a
     * body, when there is one, must name the same account.
     */
    void connections(SystemClient.Received request) {
        String[] tokens = Subject.tokens(request.subject());
        if (tokens.length != ACCOUNT_REQUEST_TOKENS) {
            LOG.error("Bad subject account connections request message");
            return;
        }
        String name = tokens[ACCOUNT_INDEX];
        byte[] body = request.payload();
        if (body.length > 0) {
            String named = services.connectionsAccount(body);
            if (named == null) {
                LOG.error("Error unmarshalling account connections request message");
                return;
            }
            if (!named.equals(name)) {
                LOG.error("Error unmarshalled account does not match subject");
                return;
            }
        }
        Account account = server.accounts().find(name);
        if (account != null && account.connections() > 0) {
            events.connectionsTo(account, request.reply());
        }
    }

    /** NSUBS: the number of an account's client subscriptions on a subject (and queue), when it has clients. */
    void subscriberCount(SystemClient.Received request) {
        SubscriberCountRequest counted = services.subscriberCount(request.payload());
        if (counted == null) {
            LOG.error("Error unmarshalling account nsubs request message");
            return;
        }
        Account account = server.accounts().find(counted.account());
        if (account == null || account.connections() == 0) {
            return;
        }
        replies.sendRaw(request.reply(), server.messages().count(count(account, counted)));
    }

    private long count(Account account, SubscriberCountRequest request) {
        String queue = request.queue().isEmpty() ? null : request.queue();
        long count = 0;
        if (Subject.isLiteral(request.subject())) {
            SublistResult<ClientSubscription> result = account.sublist().match(request.subject());
            if (queue == null) {
                for (int i = 0; i < result.plainCount(); i++) {
                    count += counts(result.plain(i), null) ? 1 : 0;
                }
            }
            for (int group = 0; group < result.queueGroupCount(); group++) {
                for (int i = 0; i < result.queueGroupSize(group); i++) {
                    count += counts(result.queueMember(group, i), queue) ? 1 : 0;
                }
            }
            return count;
        }
        for (ClientSubscription subscription : account.sublist().all()) {
            if (SubjectFilter.isSubset(subscription.subject(), request.subject())
                    && counts(subscription, queue)) {
                count++;
            }
        }
        return count;
    }

    /**
     * nats-server counts clients' subscriptions only (kind CLIENT: those of the registered clients, the shadows of
     * their subscriptions in an exporter included, never an internal client's), in the queue asked for when one is.
     */
    private boolean counts(ClientSubscription subscription, String queue) {
        if (queue != null && !queue.equals(subscription.queue())) {
            return false;
        }
        return server.clients().get(subscription.clientId()) != null;
    }

    /** RELOAD: the configuration read again; the reply carries no data, or the reload's error. */
    void reload(SystemClient.Received request) {
        MonitoringReply accepted = services.filterOnly(request.payload(), replies::forThisServer);
        if (!(accepted instanceof MonitoringReply.Data)) {
            replies.send(request.reply(), accepted);
            return;
        }
        ReloadResult result = reload.reload();
        if (result instanceof ReloadResult.Failed failed) {
            replies.send(request.reply(), new MonitoringReply.Failed(SERVER_ERROR, String.join("\n", failed.errors())));
        } else {
            replies.send(request.reply(), accepted);
        }
    }

    /** KICK ({@code {"cid":N}}): the client is closed as {@code Kicked}. */
    void kick(SystemClient.Received request) {
        act(request, "kick", client -> client.closeFromServer(CloseReason.KICKED), "no such client or leafnode id");
    }

    /**
     * LDM ({@code {"cid":N}}): the client is told the server is entering lame-duck mode (an INFO with
     * {@code ldm}), if it takes asynchronous INFO.
     */
    void lameDuck(SystemClient.Received request) {
        act(request, "LDM", RegisteredClient::announceLameDuckMode, "no such client id");
    }

    private void act(SystemClient.Received request, String what, java.util.function.Consumer<RegisteredClient> action,
            String unknown) {
        long cid = services.clientId(request.payload());
        if (cid < 0) {
            LOG.error("Error unmarshalling {} client request", what);
            return;
        }
        MonitoringReply accepted = services.filterOnly(request.payload(), replies::forThisServer);
        if (!(accepted instanceof MonitoringReply.Data)) {
            replies.send(request.reply(), accepted);
            return;
        }
        RegisteredClient client = server.clients().get(cid);
        if (client == null) {
            replies.send(request.reply(), new MonitoringReply.Failed(SERVER_ERROR, unknown));
            return;
        }
        action.accept(client);
        replies.send(request.reply(), accepted);
    }
}
