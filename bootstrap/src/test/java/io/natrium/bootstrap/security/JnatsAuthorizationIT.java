package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.TIMEOUT;
import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.flush;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.refusal;
import static io.natrium.bootstrap.security.SecureClients.text;
import static io.natrium.bootstrap.security.SecureClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.bootstrap.security.SecureClients.Errors;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What jnats clients see of permissions, account isolation, account limits and subject mappings. */
class JnatsAuthorizationIT {

    private static final int WEIGHTED_SAMPLES = 1000;

    private static ConfiguredServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ConfiguredServer.start("""
                mappings = {
                  "orders.*": "orders.eu.{{wildcard(1)}}"
                  "canary": [{destination: "canary.new", weight: 60%}, {destination: "canary.old", weight: 40%}]
                }
                authorization {
                  users = [
                    {user: reader, password: r, permissions: {
                      publish: {allow: ["chat.>"], deny: ["chat.secret"]}
                      subscribe: ["chat.>", "_INBOX.>"]
                    }}
                    {user: service, password: s, permissions: {
                      subscribe: ["help"]
                      publish: {deny: [">"]}
                      allow_responses: true
                    }}
                    {user: admin, password: a}
                  ]
                }
                accounts {
                  RED: {users: [{user: red, password: red}], mappings: {"in.>": "out.>"}}
                  BLUE: {users: [{user: blue, password: blue}]}
                  SOLO: {users: [{user: solo, password: solo}], limits: {max_connections: 1}}
                }
                """);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aPublishViolationReachesTheErrorListenerAndTheConnectionStaysOpen() throws Exception {
        Errors errors = new Errors();
        try (Connection reader = connect(user(server, "reader", "r").errorListener(errors));
             Connection admin = connect(user(server, "admin", "a"))) {
            Subscription watcher = admin.subscribe("chat.>");
            flush(admin);

            reader.publish("chat.secret", bytes("leak"));
            reader.publish("news", bytes("not mine"));
            reader.publish("chat.room", bytes("hello"));

            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"chat.secret\"");
            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"news\"");
            assertThat(text(next(watcher))).as("only the allowed message got through").isEqualTo("hello");
            flush(reader);
            assertThat(reader.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void aSubscribeViolationReachesTheErrorListener() throws Exception {
        Errors errors = new Errors();
        try (Connection reader = connect(user(server, "reader", "r").errorListener(errors))) {
            reader.subscribe("billing");

            assertThat(errors.next()).isEqualTo("Permissions Violation for Subscription to \"billing\"");
            flush(reader);
            assertThat(reader.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void aServiceThatMayNotPublishStillAnswersRequestsThroughAllowResponses() throws Exception {
        Errors errors = new Errors();
        try (Connection service = connect(user(server, "service", "s").errorListener(errors));
             Connection admin = connect(user(server, "admin", "a"))) {
            service.createDispatcher(request -> {
                service.publish(request.getReplyTo(), bytes("answer"));
                service.publish(request.getReplyTo(), bytes("a second answer is not allowed"));
            }).subscribe("help");
            flush(service);

            Message answer = admin.request("help", bytes("question"), TIMEOUT);

            assertThat(text(answer)).isEqualTo("answer");
            assertThat(errors.next()).as("one response per request by default")
                    .startsWith("Permissions Violation for Publish to \"_INBOX.");
        }
    }

    @Test
    void accountsAreSeparateSubjectSpaces() throws Exception {
        try (Connection red = connect(user(server, "red", "red"));
             Connection blue = connect(user(server, "blue", "blue"));
             Connection global = connect(user(server, "admin", "a"))) {
            Subscription blueSide = blue.subscribe("shared");
            Subscription globalSide = global.subscribe("shared");
            Subscription redSide = red.subscribe("shared");
            flush(red, blue, global);

            red.publish("shared", bytes("red only"));
            blue.publish("shared", bytes("blue only"));
            flush(red, blue);

            assertThat(text(next(redSide))).isEqualTo("red only");
            assertThat(text(next(blueSide))).isEqualTo("blue only");
            assertThat(redSide.nextMessage(TIMEOUT.dividedBy(10))).as("nothing crosses accounts").isNull();
            assertThat(blueSide.nextMessage(TIMEOUT.dividedBy(10))).isNull();
            assertThat(globalSide.nextMessage(TIMEOUT.dividedBy(10))).isNull();
        }
    }

    @Test
    void anAccountsConnectionLimitRefusesTheNextClient() throws Exception {
        try (Connection first = connect(user(server, "solo", "solo"))) {
            Errors errors = new Errors();
            Exception refused = refusal(user(server, "solo", "solo").errorListener(errors));

            assertThat(refused).hasMessageContaining("Unable to connect");
            assertThat(errors.next()).isEqualTo("maximum account active connections exceeded");
            assertThat(first.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void mappingsRewriteSubjectsBeforeMatchingPerAccount() throws Exception {
        try (Connection admin = connect(user(server, "admin", "a"));
             Connection red = connect(user(server, "red", "red"))) {
            Subscription orders = admin.subscribe("orders.eu.*");
            Subscription redOut = red.subscribe("out.>");
            flush(admin, red);

            admin.publish("orders.42", bytes("order"));
            red.publish("in.a.b", bytes("moved"));
            red.publish("orders.1", bytes("the global mappings are not RED's"));

            assertThat(next(orders).getSubject()).isEqualTo("orders.eu.42");
            assertThat(next(redOut).getSubject()).isEqualTo("out.a.b");
        }
    }

    @Test
    void weightedMappingsSplitTrafficByTheirWeights() throws Exception {
        try (Connection admin = connect(user(server, "admin", "a"))) {
            Subscription canary = admin.subscribe("canary.*");
            flush(admin);

            for (int i = 0; i < WEIGHTED_SAMPLES; i++) {
                admin.publish("canary", bytes(Integer.toString(i)));
            }
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < WEIGHTED_SAMPLES; i++) {
                counts.merge(next(canary).getSubject(), 1, Integer::sum);
            }

            assertThat(counts).containsOnlyKeys("canary.new", "canary.old");
            // Six standard deviations of a binomial(1000, 0.6) are about 93 messages.
            assertThat(counts.get("canary.new")).isBetween(507, 693);
        }
    }
}
