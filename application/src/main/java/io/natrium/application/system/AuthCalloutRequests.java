package io.natrium.application.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.application.account.Account;
import io.natrium.application.port.out.CurveSealing;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.AuthCallouts;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.session.OperatorCallouts;
import io.natrium.application.session.Sessions;
import io.natrium.application.session.SystemClient;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.AuthorizationRequest;
import io.natrium.domain.jwt.CalloutPlacement;
import io.natrium.domain.jwt.CalloutProxy;
import io.natrium.domain.jwt.CalloutResponseCheck;
import io.natrium.domain.jwt.ConfigCalloutPlacement;
import io.natrium.domain.text.GoStrings;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's {@code processClientOrLeafCallout}: for each client the callout decides, a request JWT signed by the
 * server's key, naming a fresh user key, goes out on {@code $SYS.REQ.USER.AUTH} in the callout account (config
 * mode's, or in operator mode the account whose JWT has the callout; sealed for the callout's xkey, with the
 * server's own in the {@code Nats-Server-Xkey} header, when it has one), and the answer on the request's own inbox
 * is checked ({@link CalloutResponseCheck}); no answer within the timeout refuses the client. Everything runs on
 * the system thread, which owns the internal clients (one per callout account, nats-server's account internal
 * client) and the pending requests; a connection only hands its request over and gets its decision back.
 */
public final class AuthCalloutRequests implements AuthCallouts {

    static final String SUBJECT = "$SYS.REQ.USER.AUTH";
    private static final String XKEY_HEADER = "Nats-Server-Xkey";
    private static final byte[] JWT_PREFIX = "eyJ".getBytes(UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(AuthCalloutRequests.class);

    private record Pending(AuthCalloutSettings settings, String userNkey, CalloutProxy proxy,
            Consumer<CalloutResponseCheck.Verdict> decided, ScheduledTask timer) {
    }

    private final ServerContext server;
    private final SessionExecutor executor;
    private final CurveSealing sealing;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The rest is confined to the system thread. */
    private final Map<String, SystemClient> clients = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    /** Answered requests waiting for the account their grant places the user in: the timeout still runs. */
    private final Map<String, Pending> fetching = new HashMap<>();
    private final String inboxPrefix;

    /**
     * @param executor the system thread
     * @param sealing  the server's xkey, for callouts with an {@code xkey}
     */
    public AuthCalloutRequests(ServerContext server, SessionExecutor executor, CurveSealing sealing, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.sealing = sealing;
        this.clock = clock;
        this.inboxPrefix = "$SYS._INBOX." + server.identity().nameHash() + ".";
        logConfigurationProblems(server);
    }

    /**
     * nats-server's {@code configureAuthorization}: a callout account or auth user that does not exist is logged as
     * an error, and the server runs (the account's clients are refused, the user can never connect).
     */
    private static void logConfigurationProblems(ServerContext server) {
        AuthCalloutSettings callout = server.settings().authorization().callout();
        if (callout == null) {
            return;
        }
        boolean accountFound = server.accounts().find(callout.account()) != null;
        if (!accountFound) {
            LOG.error("Authorization callout account {} not valid", GoStrings.quote(callout.account()));
        }
        AuthConfiguration users = server.security().authenticator().configuration();
        for (String user : callout.authUsers()) {
            boolean found = users.users().stream().anyMatch(known -> known.username().equals(user))
                    || users.nkeyUsers().stream().anyMatch(known -> known.nkey().encoded().equals(user));
            if (!found) {
                LOG.error("Authorization callout user {} not valid: {}", GoStrings.quote(user),
                        accountFound ? "<nil>" : "account not found");
            }
        }
    }

    @Override
    public void authorize(AuthCalloutSettings settings, AuthorizationRequest client, CalloutProxy proxy,
            Duration timeout, Consumer<CalloutResponseCheck.Verdict> decided) {
        executor.execute(() -> send(settings, client, proxy, timeout, decided));
    }

    private void send(AuthCalloutSettings settings, AuthorizationRequest client, CalloutProxy proxy,
            Duration timeout, Consumer<CalloutResponseCheck.Verdict> decided) {
        Account account = server.accounts().find(settings.account());
        ServerIdentity identity = server.identity();
        if (account == null || identity.key() == null) {
            String refusal = "No valid account " + GoStrings.quote(settings.account())
                    + " for auth callout request: account missing";
            LOG.warn(refusal);
            decided.accept(CalloutResponseCheck.Verdict.refusedAs(refusal));
            return;
        }
        boolean sealed = settings.xkey() != null;
        String userNkey = NKeySeed.generate(NKeyType.USER).publicKey().encoded();
        AuthorizationRequest request = new AuthorizationRequest(settings.issuer(), new AuthorizationRequest.Server(
                identity.name(), server.info().host(), identity.id(), identity.version(), "",
                server.settings().metadata().tags(), sealed ? sealing.publicKey() : null),
                userNkey, client.client(), client.connect(), client.tls());
        long now = clock.instant().getEpochSecond();
        byte[] body = request.encode(identity.key(), now, now + Math.max(1, timeout.toSeconds()))
                .getBytes(UTF_8);
        byte[] headers = new byte[0];
        if (sealed) {
            body = sealing.seal(body, settings.xkey());
            headers = ("NATS/1.0\r\n" + XKEY_HEADER + ": " + sealing.publicKey() + "\r\n\r\n").getBytes(UTF_8);
        }
        String reply = inboxPrefix + HexFormat.of().formatHex(randomBytes());
        ScheduledTask timer = executor.schedule(() -> timedOut(reply), timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.put(reply, new Pending(settings, userNkey, proxy, decided, timer));
        clientIn(account).publish(SUBJECT, reply, headers, body);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The account's internal client, subscribed to this server's callout inboxes in it. */
    private SystemClient clientIn(Account account) {
        return clients.computeIfAbsent(account.name(), name -> {
            SystemClient client = SystemClient.open(server, account, executor, account.internalClientId());
            client.subscribe(inboxPrefix + "*", this::answered);
            return client;
        });
    }

    private void answered(SystemClient.Received message) {
        Pending request = pending.remove(message.subject());
        if (request == null) {
            return;
        }
        String[] notHeld = new String[1];
        CalloutResponseCheck.Verdict verdict = verdictOn(request, message.payload(), key -> notHeld[0] = key);
        if (verdict.granted() == null && notHeld[0] != null && server.accountFetcher() != null) {
            fetchThenDecide(message.subject(), request, message.payload(), notHeld[0]);
            return;
        }
        decide(request, verdict);
    }

    private void decide(Pending request, CalloutResponseCheck.Verdict verdict) {
        request.timer().cancel();
        if (verdict.refusal() != null) {
            LOG.warn(verdict.refusal());
        }
        request.decided().accept(verdict);
    }

    /**
     * nats-server's {@code LookupAccount} of the account a grant places the user in: the URL resolver fetches it
     * (off this thread, which serves every callout), and the response is checked again once it is held; a fetch that
     * fails refuses the client with its error. The timeout keeps running meanwhile, as nats-server's wait does.
     */
    private void fetchThenDecide(String reply, Pending request, byte[] payload, String account) {
        fetching.put(reply, request);
        try {
            server.authentication().execute(() -> {
                String failure = Sessions.fetchAccount(server, account);
                executor.execute(() -> fetched(reply, payload, account, failure));
            });
        } catch (RejectedExecutionException full) {
            fetched(reply, payload, account, "account missing");
        }
    }

    private void fetched(String reply, byte[] payload, String account, String failure) {
        Pending request = fetching.remove(reply);
        if (request == null) {
            return;
        }
        decide(request, failure == null ? verdictOn(request, payload, key -> { })
                : CalloutResponseCheck.Verdict.refusedAs("No valid account " + GoStrings.quote(account)
                        + " for auth callout response on account " + GoStrings.quote(request.settings().account())
                        + ": " + failure));
    }

    private CalloutResponseCheck.Verdict verdictOn(Pending request, byte[] payload, Consumer<String> notHeld) {
        String account = request.settings().account();
        if (payload.length == 0) {
            return CalloutResponseCheck.Verdict.refusedAs(
                    "Auth callout violation: \"no reason supplied\" on account " + GoStrings.quote(account));
        }
        try {
            byte[] opened = opened(request.settings(), payload);
            return verdict(request, new String(opened, UTF_8), opened != payload, notHeld);
        } catch (IllegalArgumentException notOpened) {
            return CalloutResponseCheck.Verdict.refusedAs("Error decrypting auth callout response on account "
                    + GoStrings.quote(account) + ": " + notOpened.getMessage());
        }
    }

    /**
     * The response checked by the rules of the mode in force: config mode's issuer and audience placement, or the
     * callout account's signing keys and allowed accounts in operator mode.
     */
    private CalloutResponseCheck.Verdict verdict(Pending request, String token, boolean sealed,
            Consumer<String> notHeld) {
        String account = request.settings().account();
        CalloutPlacement placement = server.security().authenticator().operatorMode()
                ? OperatorCallouts.placement(server, account, notHeld)
                : new ConfigCalloutPlacement(request.settings().issuer(), name -> server.accounts().find(name) != null);
        if (placement == null) {
            return CalloutResponseCheck.Verdict.refusedAs("No valid account " + GoStrings.quote(account)
                    + " for auth callout request: account missing");
        }
        return new CalloutResponseCheck(server.identity().id(), clock, placement).check(token, sealed,
                request.userNkey(), account, request.proxy());
    }

    /** A response to a sealed request may come sealed: anything that does not start as a JWT is opened. */
    private byte[] opened(AuthCalloutSettings settings, byte[] payload) {
        if (settings.xkey() == null || startsWith(payload, JWT_PREFIX)) {
            return payload;
        }
        return sealing.open(payload, settings.xkey());
    }

    private static boolean startsWith(byte[] payload, byte[] prefix) {
        if (payload.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (payload[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void timedOut(String reply) {
        Pending request = pending.remove(reply);
        if (request == null) {
            request = fetching.remove(reply);
        }
        if (request == null) {
            return;
        }
        notAnswered(request.settings().account(), request.decided());
    }

    private static void notAnswered(String account, Consumer<CalloutResponseCheck.Verdict> decided) {
        String refusal = AuthCallouts.notAnsweredInTime(account);
        LOG.debug(refusal);
        decided.accept(CalloutResponseCheck.Verdict.refusedAs(refusal));
    }

    @Override
    public void unanswerable(String account, Duration timeout, Consumer<CalloutResponseCheck.Verdict> decided) {
        executor.schedule(() -> notAnswered(account, decided), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
