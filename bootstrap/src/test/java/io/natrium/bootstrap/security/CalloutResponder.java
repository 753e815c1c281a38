package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.TIMEOUT;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.adapter.tls.sealing.NkeysSealing;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An auth callout service as users write one: a jnats client of an auth user, subscribed to
 * {@code $SYS.REQ.USER.AUTH}, answering each request as its {@link Answers} say; by default (config mode) by the
 * user name the client presented: {@code alice} is granted (account
 * {@code APP}, publish and subscribe on {@code allowed.>} only; named {@code alice-granted} from then on, also when
 * a reload asks again), {@code bob} denied with an error text, {@code slow}
 * never answered, {@code proxied} granted alice's permissions by a user JWT with {@code proxy_required},
 * {@code needsproxy} (a configured user that requires a proxy) granted as alice, and the others answered wrongly:
 * garbage, nothing, a grant issued by another account, for another user key, expired, or alice's last grant
 * replayed.
 */
final class CalloutResponder implements AutoCloseable {

    static final TestNKey ISSUER = TestNKey.account();
    private static final TestNKey OTHER_ISSUER = TestNKey.account();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service's own xkey; null when requests are not sealed. */
    private final NkeysSealing xkey;
    private final Connection connection;
    private final Answers answers;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile String lastGrant;

    /** A request as the service read it: its claims, and whether it came sealed (with the server's xkey). */
    record Request(Map<String, Object> claims, boolean sealed, String serverXkey) {

        @SuppressWarnings("unchecked")
        Map<String, Object> nats(String section) {
            Map<String, Object> nats = (Map<String, Object>) claims.get("nats");
            return section == null ? nats : (Map<String, Object>) nats.get(section);
        }

        String userNkey() {
            return (String) nats(null).get("user_nkey");
        }

        String serverId() {
            return (String) nats("server_id").get("id");
        }
    }

    /** What the service answers: a token, sealed when the request was unless {@code inClear}. */
    record Answer(String token, boolean inClear) {

        static Answer of(String token) {
            return token == null ? null : new Answer(token, false);
        }
    }

    /** The service's decisions: null for no answer at all. */
    @FunctionalInterface
    interface Answers {
        Answer answer(Request request);
    }

    CalloutResponder(ConfiguredServer server, NkeysSealing xkey) throws Exception {
        this(SecureClients.connect(SecureClients.user(server, "auth", "pwd")), xkey, null);
    }

    /** A service on {@code connection} (an auth user's) answering as {@code answers} say; config mode's if null. */
    CalloutResponder(Connection connection, NkeysSealing xkey, Answers answers) throws Exception {
        this.xkey = xkey;
        this.connection = connection;
        this.answers = answers != null ? answers : this::configModeAnswer;
        Dispatcher dispatcher = connection.createDispatcher(this::answer);
        dispatcher.subscribe("$SYS.REQ.USER.AUTH");
        connection.flush(TIMEOUT);
    }

    static NkeysSealing newXkey() {
        return new NkeysSealing(new SecureRandom());
    }

    Connection connection() {
        return connection;
    }

    /** Forgets the requests got so far. */
    void forgetRequests() {
        requests.clear();
    }

    /** Whether no request came since the last {@link #forgetRequests()} (or {@link #nextRequest()}). */
    boolean idle() {
        return requests.isEmpty();
    }

    /** The next request the service got; it must come within the timeout. */
    Request nextRequest() throws InterruptedException {
        Request request = requests.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("no callout request within " + TIMEOUT);
        }
        return request;
    }

    private void answer(Message message) {
        try {
            answerOrFail(message);
        } catch (IOException | RuntimeException e) {
            // A broken request fails the test through the missing request, and shows why here.
            e.printStackTrace();
        }
    }

    private void answerOrFail(Message message) throws IOException {
        String serverXkey = message.getHeaders() == null ? null : message.getHeaders().getFirst("Nats-Server-Xkey");
        byte[] data = message.getData();
        boolean sealed = xkey != null && serverXkey != null;
        String token = new String(sealed ? xkey.open(data, serverXkey) : data, UTF_8);
        // Natrium's decoder checks the server's signature: the issuer is the server id.
        JwtDecoder.decode(token);
        Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                new TypeReference<>() { });
        Request request = new Request(claims, sealed, serverXkey);
        requests.add(request);
        Answer response = answers.answer(request);
        if (response == null) {
            return;
        }
        byte[] out = response.token().getBytes(UTF_8);
        boolean seal = sealed && !response.token().isEmpty() && !response.inClear();
        connection.publish(message.getReplyTo(), seal ? xkey.seal(out, serverXkey) : out);
    }

    private Answer configModeAnswer(Request request) {
        String user = (String) request.nats("connect_opts").getOrDefault("user", "");
        return Answer.of(response(user, request.userNkey(), request.serverId()));
    }

    private String response(String user, String userNkey, String serverId) {
        long now = Instant.now().getEpochSecond();
        switch (user) {
            case "alice", "alice-granted":
                lastGrant = grant(ISSUER, userNkey, serverId, userNkey, 0);
                return lastGrant;
            case "needsproxy":
                return grant(ISSUER, userNkey, serverId, userNkey, 0);
            case "proxied":
                return grant(ISSUER, userNkey, serverId, userNkey, 0, Map.of("proxy_required", true));
            case "bob":
                return signed(ISSUER, userNkey, serverId, Map.of("error", "bob is not welcome"), 0);
            case "slow":
                return null;
            case "garbage":
                return "this is not a JWT";
            case "silent":
                return "";
            case "forged":
                return grant(OTHER_ISSUER, userNkey, serverId, userNkey, 0);
            case "stranger":
                String other = TestNKey.user().publicKey();
                return grant(ISSUER, other, serverId, other, 0);
            case "expired":
                return grant(ISSUER, userNkey, serverId, userNkey, now - 10);
            case "replay":
                return lastGrant;
            default:
                throw new IllegalArgumentException("no scenario for " + user);
        }
    }

    /** A response granting alice's permissions in APP, the user JWT issued by {@code issuer}. */
    static String grant(TestNKey issuer, String responseSubject, String serverId, String userSubject,
            long expires) {
        return grant(issuer, responseSubject, serverId, userSubject, expires, Map.of());
    }

    /** {@link #grant(TestNKey, String, String, String, long)} with {@code more} in the user JWT's claims. */
    private static String grant(TestNKey issuer, String responseSubject, String serverId, String userSubject,
            long expires, Map<String, Object> more) {
        Map<String, Object> nats = new LinkedHashMap<>(more);
        nats.put("pub", Map.of("allow", List.of("allowed.>")));
        nats.put("sub", Map.of("allow", List.of("allowed.>")));
        Map<String, Object> user = TestJwt.claims(issuer, userSubject, "alice-granted", "user", nats, 0);
        user.put("aud", "APP");
        return signed(issuer, responseSubject, serverId, Map.of("jwt", TestJwt.sign(issuer, user)), expires);
    }

    static String signed(TestNKey issuer, String subject, String serverId, Map<String, Object> nats,
            long expires) {
        Map<String, Object> claims = TestJwt.claims(issuer, subject, "", "authorization_response", nats, expires);
        claims.put("aud", serverId);
        return TestJwt.sign(issuer, claims);
    }

    @Override
    public void close() throws InterruptedException {
        connection.close();
    }
}
