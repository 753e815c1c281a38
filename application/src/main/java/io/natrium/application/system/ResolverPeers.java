package io.natrium.application.system;

import io.natrium.application.port.out.AccountJwtFetcher;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.resolver.ResolverException;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;
import io.natrium.application.session.SystemClient;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.text.GoStrings;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory resolver's conversation with the other servers of its system account, as nats-server 2.9.10's
 * {@code DirAccResolver} holds it: the full resolver asks for the JWTs it lacks every {@code interval}
 * ({@code $SYS.REQ.CLAIMS.PACK} with its store's hash, each {@code <account>|<jwt>} line answered merged as
 * {@code DirJWTStore.Merge} does, an empty message ending the answer), and both resolvers look an account they do not
 * hold up ({@code $SYS.REQ.ACCOUNT.<acc>.CLAIMS.LOOKUP}, the first answer within {@code timeout} stored), after the
 * directory itself, where a JWT may have been written by hand ({@code DirAccResolver.Fetch}). Requests and answers
 * are handled on the system thread; a lookup waits on the thread that asked, never an event loop.
 */
final class ResolverPeers implements AccountJwtFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ResolverPeers.class);
    /** nats-server's {@code DEFAULT_ACCOUNT_FETCH_TIMEOUT}. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1900);
    /** nats-server's sync interval when none is configured. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final String PACK = "$SYS.REQ.CLAIMS.PACK";

    private final ServerContext server;
    private final DirectoryResolver directory;
    private final AccountExpiry expiry;
    private final Duration interval;
    private final Duration timeout;
    private final String inboxPrefix;
    private final SecureRandom random = new SecureRandom();
    /** Lookups waiting for their first answer, by reply subject. */
    private final Map<String, CompletableFuture<byte[]>> lookups = new ConcurrentHashMap<>();
    private final SystemSendQueue queue;
    /** Set once the system client runs; lookups before that fail as nats-server's do without eventing. */
    private volatile SystemClient client;
    private String packInbox;

    ResolverPeers(ServerContext server, SystemSendQueue queue, DirectoryResolver directory, AccountExpiry expiry) {
        this.server = server;
        this.queue = queue;
        this.directory = directory;
        this.expiry = expiry;
        ResolverSettings settings = server.settings().operator().resolver();
        this.interval = settings == null || settings.interval().isZero() ? DEFAULT_INTERVAL : settings.interval();
        this.timeout = settings == null || settings.timeout().isZero() ? DEFAULT_TIMEOUT : settings.timeout();
        this.inboxPrefix = "$SYS._INBOX." + server.identity().nameHash() + ".";
    }

    /**
     * On the system thread, after the resolver's claim services: the full resolver subscribes its pack inbox and
     * starts asking every interval; both take over the server's account lookups.
     */
    void start(SystemClient systemClient) {
        this.client = systemClient;
        if (!directory.isCache()) {
            packInbox = newInbox();
            client.subscribe(packInbox, this::merge);
            schedulePack();
        }
        server.accountFetcher(this);
    }

    /** The handler of this server's inboxes ({@code $SYS._INBOX.<hash>.*}): a lookup's first answer. */
    void answered(SystemClient.Received answer) {
        CompletableFuture<byte[]> waiting = lookups.remove(answer.subject());
        if (waiting != null) {
            waiting.complete(answer.payload());
        }
    }

    /**
     * nats-server's {@code DirAccResolver.Fetch}: the directory's JWT, else the first answer of another server to
     * a lookup, stored as its {@code Store} stores it. Blocks up to the resolver's timeout.
     *
     * @throws IllegalStateException with nats-server's reason when there is no JWT
     */
    @Override
    public String fetch(String account) {
        NKey key = NKey.parse(account);
        if (key == null || key.type() != NKeyType.ACCOUNT) {
            throw new IllegalStateException("will only fetch valid account keys");
        }
        try {
            String held = directory.loadFromDirectory(account);
            if (held != null) {
                return held;
            }
        } catch (ResolverException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        String jwt = new String(lookUp(account), StandardCharsets.UTF_8);
        try {
            directory.saveIfNewer(account, jwt);
        } catch (ResolverException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return jwt;
    }

    private byte[] lookUp(String account) {
        if (client == null) {
            throw new IllegalStateException("eventing shut down");
        }
        String reply = newInbox();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        lookups.put(reply, answer);
        try {
            String subject = "$SYS.REQ.ACCOUNT." + account + ".CLAIMS.LOOKUP";
            if (!queue.offer(() -> queue.publish(subject, reply, header -> new byte[0]))) {
                throw new IllegalStateException("eventing shut down");
            }
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("fetching jwt timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fetching jwt failed due to shutdown", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause()), e);
        } finally {
            lookups.remove(reply);
        }
    }

    private void schedulePack() {
        client.executor().schedule(this::askForPack, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The periodic pack request: this store's hash, answered by every peer whose hash differs. */
    private void askForPack() {
        byte[] hash = directory.hash();
        LOG.debug("Checking store state: {}", hex(hash));
        queue.publish(PACK, packInbox, header -> hash);
        schedulePack();
    }

    /** nats-server's pack response handler: each {@code <account>|<jwt>} line saved if newer; empty ends it. */
    private void merge(SystemClient.Received message) {
        byte[] before = directory.hash();
        byte[] body = message.payload();
        if (body.length == 0) {
            LOG.debug("Merging Finished and resulting in: {}", hex(before));
            return;
        }
        boolean changed = false;
        try {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n", -1)) {
                changed |= mergeLine(line);
            }
            LOG.debug("Merging succeeded and changed {} to {}", hex(before), hex(directory.hash()));
        } catch (ResolverException e) {
            LOG.error("Merging resulted in error: {}", e.getMessage());
        }
        if (changed) {
            Sessions.applyAccountJwts(server, directory.jwts());
            expiry.check();
        }
    }

    private boolean mergeLine(String line) throws ResolverException {
        if (line.isEmpty()) {
            return false;
        }
        String[] parts = line.split("\\|", -1);
        if (parts.length != 2) {
            throw new ResolverException("line in package didn't contain 2 entries: " + GoStrings.quote(line));
        }
        NKey key = NKey.parse(parts[0]);
        if (key == null || key.type() != NKeyType.ACCOUNT) {
            throw new ResolverException("key to merge is not a valid public account key");
        }
        return directory.saveIfNewer(parts[0], parts[1]);
    }

    /**
     * {@code $SYS.REQ.CLAIMS.PACK}: nothing but the end mark when the requester's hash is ours, else each JWT held
     * as {@code <account>|<jwt>} in a message of its own, then an empty message.
     */
    void answerPack(SystemClient.Received request) {
        if (request.reply().isEmpty()) {
            return;
        }
        byte[] ours = directory.hash();
        if (Arrays.equals(request.payload(), ours)) {
            sendRaw(request.reply(), new byte[0]);
            LOG.debug("pack request matches hash {}", hex(ours));
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        for (Map.Entry<String, String> held : directory.jwts().entrySet()) {
            if (!expiredAt(held.getValue(), now)) {
                sendRaw(request.reply(), (held.getKey() + "|" + held.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        }
        LOG.debug("pack request hash {} - finished responding with hash {}",
                hex(request.payload()), hex(ours));
        sendRaw(request.reply(), new byte[0]);
    }

    private static boolean expiredAt(String jwt, long now) {
        try {
            long expires = JwtDecoder.decode(jwt).data().expires();
            return expires > 0 && expires < now;
        } catch (JwtException e) {
            return false;
        }
    }

    private void sendRaw(String reply, byte[] payload) {
        queue.publish(reply, null, header -> payload);
    }

    private String newInbox() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return inboxPrefix + HexFormat.of().formatHex(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
