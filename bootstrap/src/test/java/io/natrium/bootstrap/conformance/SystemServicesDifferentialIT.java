package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every request service of the system account asked on nats-server 2.9.10 and on Natrium by a system user, with a
 * client of account A connected: both must answer the same subjects with the same number of replies, the same keys
 * in the server header and the error, the same error codes, and every key of nats-server's data in Natrium's
 * (recursively through objects; Natrium's monitoring JSON follows a newer nats-server and may have more), and stay
 * silent on the same ones. The services of later versions (IDZ, RELOAD, KICK, LDM) are answered by Natrium only.
 */
class SystemServicesDifferentialIT {

    private static final String CONFIG = """
            accounts {
              $SYS { users [ {user: sys, password: sys} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    private static final Pattern MSG = Pattern.compile("MSG (\\S+) (\\S+) {1,2}(\\d+)\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The answer to the STATSZ request sent behind each request, whole. */
    private static final Pattern FENCE = Pattern.compile("MSG _INBOX\\.fence 2 {1,2}\\d+\r\n[^\r\n]*\r\n");
    private static final Pattern NO_RESPONDERS =
            Pattern.compile("HMSG _INBOX\\.user 1 \\d+ \\d+\r\nNATS/1\\.0 503\r\n(Nats-Subject: [^\r]*\r\n)?");
    private static final Map<ServerProcess, String> SERVER_IDS = new ConcurrentHashMap<>();

    private static ServerPair servers;
    private static Path config;

    @BeforeAll
    static void startServers() throws Exception {
        config = Files.createTempFile("natrium-services-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$SYS.REQ.SERVER.PING", "$SYS.REQ.SERVER.PING.STATSZ", "$SYS.REQ.SERVER.<id>.STATSZ",
        "$SYS.REQ.SERVER.PING.VARZ", "$SYS.REQ.SERVER.<id>.VARZ", "$SYS.REQ.SERVER.PING.SUBSZ",
        "$SYS.REQ.SERVER.<id>.SUBSZ", "$SYS.REQ.SERVER.PING.CONNZ", "$SYS.REQ.SERVER.<id>.CONNZ",
        "$SYS.REQ.SERVER.PING.ROUTEZ", "$SYS.REQ.SERVER.<id>.ROUTEZ", "$SYS.REQ.SERVER.PING.GATEWAYZ",
        "$SYS.REQ.SERVER.<id>.GATEWAYZ", "$SYS.REQ.SERVER.PING.LEAFZ", "$SYS.REQ.SERVER.<id>.LEAFZ",
        "$SYS.REQ.SERVER.PING.ACCOUNTZ", "$SYS.REQ.SERVER.<id>.ACCOUNTZ", "$SYS.REQ.SERVER.PING.JSZ",
        "$SYS.REQ.SERVER.<id>.JSZ", "$SYS.REQ.SERVER.PING.HEALTHZ", "$SYS.REQ.SERVER.<id>.HEALTHZ",
        "$SYS.REQ.ACCOUNT.A.SUBSZ", "$SYS.REQ.ACCOUNT.A.CONNZ", "$SYS.REQ.ACCOUNT.A.LEAFZ",
        "$SYS.REQ.ACCOUNT.A.JSZ", "$SYS.REQ.ACCOUNT.A.INFO", "$SYS.REQ.ACCOUNT.B.INFO", "$SYS.REQ.ACCOUNT.A.STATZ",
        "$SYS.REQ.ACCOUNT.$SYS.STATZ", "$SYS.REQ.ACCOUNT.A.CONNS", "$SYS.REQ.ACCOUNT.PING.STATZ",
        "$SYS.REQ.ACCOUNT.PING.CONNZ", "$SYS.REQ.SERVER.PING.PROFILEZ", "$SYS.REQ.SERVER.PING.EXPVARZ",
        "$SYS.REQ.SERVER.PING.IPQUEUESZ", "$SYS.REQ.SERVER.PING.RAFTZ", "$SYS.REQ.ACCOUNT.NSUBS"})
    void answersWithTheSameKeys(String subject) throws Exception {
        assertSameAnswers(subject, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"subscriptions\":true,\"limit\":1}", "{\"auth\":true,\"acc\":\"A\"}",
        "{\"offset\":\"x\"}", "{\"server_name\":\"nobody-has-this-name\"}", "{\"tags\":[\"t\"]}", "[1]", "{",
        "{\"cid\":1}", "{\"account\":\"A\",\"subscriptions\":true}"})
    void decodesTheOptionsAlike(String options) throws Exception {
        for (String service : new String[] {"CONNZ", "SUBSZ", "ACCOUNTZ", "STATSZ", "HEALTHZ"}) {
            assertSameAnswers("$SYS.REQ.SERVER.PING." + service, options);
        }
        assertSameAnswers("$SYS.REQ.ACCOUNT.PING.STATZ", options);
    }

    @Test
    void accountStatzOfUnusedAccountsOnlyWhenAsked() throws Exception {
        assertSameAnswers("$SYS.REQ.ACCOUNT.PING.STATZ", "{\"accounts\":[\"$G\"]}");
        assertSameAnswers("$SYS.REQ.ACCOUNT.PING.STATZ", "{\"accounts\":[\"$G\"],\"include_unused\":true}");
        assertSameAnswers("$SYS.REQ.ACCOUNT.NSUBS", "{\"acc\":\"A\",\"subject\":\"foo\"}");
        assertSameAnswers("$SYS.REQ.ACCOUNT.NSUBS", "{\"acc\":\"A\",\"subject\":\"foo.*\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$SYS.REQ.SERVER.PING.IDZ", "$SYS.REQ.SERVER.<id>.IDZ", "$SYS.REQ.SERVER.<id>.KICK",
        "$SYS.REQ.SERVER.<id>.LDM", "$SYS.REQ.SERVER.<id>.RELOAD"})
    void laterVersionsServicesAreNatriumsAlone(String subject) throws Exception {
        String options = subject.endsWith("KICK") || subject.endsWith("LDM") ? "{\"cid\":1000}" : "";
        assertThat(ask(servers.reference(), subject, options)).as("nats-server 2.9.10 has no " + subject).isEmpty();
        List<String> ours = ask(servers.natrium(), subject, options);
        assertThat(ours).hasSize(1);
        JsonNode reply = JSON.readTree(ours.get(0));
        if (subject.endsWith("IDZ")) {
            assertThat(keys(reply, "")).containsExactly("host", "id", "name");
        } else if (subject.endsWith("RELOAD")) {
            assertThat(keys(reply, "")).doesNotContain("error", "data");
        } else {
            assertThat(reply.path("error").path("code").asInt()).as(ours.get(0)).isEqualTo(500);
        }
    }

    /**
     * nats-server lists its internal clients in no /connz: not among all connections with their subscriptions, nor
     * among the system account's. Both servers list A's client and the asking system user, and in {@code $SYS} that
     * user alone.
     */
    @Test
    void neitherListsTheSystemClientAmongConnections() throws Exception {
        for (ServerProcess server : servers.both()) {
            JsonNode all = JSON.readTree(ask(server, "$SYS.REQ.SERVER.PING.CONNZ", "{\"subscriptions\":true}").get(0));
            assertThat(all.path("data").path("num_connections").asInt()).as(server + " " + all).isEqualTo(2);
            JsonNode system = JSON.readTree(
                    ask(server, "$SYS.REQ.SERVER.PING.CONNZ", "{\"acc\":\"$SYS\",\"subscriptions\":true}").get(0));
            assertThat(system.path("data").path("num_connections").asInt()).as(server + " " + system).isEqualTo(1);
            assertThat(system.path("data").path("connections").get(0).path("subscriptions_list").toString())
                    .as(server + ": the asking user's").contains("_INBOX.reply");
        }
    }

    /**
     * nats-server 2.9.10 has no {@code $SYS.REQ.USER.INFO} (later versions answer it and import it into every
     * account): a system user and a user of A who ask it hear that nobody answers, on both servers. Natrium's 503
     * carries the {@code Nats-Subject} header of later versions (see the no-responders row): masked.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sys", "a"})
    void userInfoHasNobodyBehindItAsIn2910(String user) throws Exception {
        String theirs = servers.assertSameTranscripts(server -> {
            try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                client.send("CONNECT {\"verbose\":false,\"headers\":true,\"no_responders\":true,\"user\":\""
                        + user + "\",\"pass\":\"" + user + "\"}\r\nSUB _INBOX.user 1\r\n"
                        + "PUB $SYS.REQ.USER.INFO _INBOX.user 0\r\n\r\nPING\r\n");
                return client.drainThrough(Pattern.compile("PONG\r\n"), Duration.ofSeconds(10));
            }
        }, transcript -> NO_RESPONDERS.matcher(transcript)
                .replaceAll("HMSG _INBOX.user 1 <n> <n>\r\nNATS/1.0 503\r\n"));
        assertThat(theirs).isEqualTo("HMSG _INBOX.user 1 <n> <n>\r\nNATS/1.0 503\r\n\r\n\r\nPONG\r\n");
    }

    private static void assertSameAnswers(String subject, String options) throws Exception {
        List<String> theirs = ask(servers.reference(), subject, options);
        List<String> ours = ask(servers.natrium(), subject, options);
        assertThat(ours.size()).as(subject + " " + options + ": replies " + ours + " beside " + theirs)
                .isEqualTo(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            JsonNode their = JSON.readTree(theirs.get(i));
            JsonNode our = JSON.readTree(ours.get(i));
            String context = subject + " " + options + ": " + ours.get(i) + " beside " + theirs.get(i);
            TreeSet<String> theirKeys = keys(their, "");
            TreeSet<String> ourKeys = keys(our, "");
            assertThat(ourKeys).as(context).containsAll(theirKeys);
            ourKeys.removeIf(key -> key.startsWith("data."));
            theirKeys.removeIf(key -> key.startsWith("data."));
            assertThat(ourKeys).as(context).isEqualTo(theirKeys);
            assertThat(our.path("error").path("code").asInt()).as(subject + " " + options + " error code")
                    .isEqualTo(their.path("error").path("code").asInt());
            if (!their.isObject()) {
                assertThat(our).as(subject).isEqualTo(their);
            }
        }
    }

    /**
     * The replies the system user gets, with A's client connected and subscribed to foo.a. Both servers handle the
     * system account's requests one after the other and send the replies through one queue, in order (nats-server
     * 2.9.10 runs the handlers in the publisher's read loop, Natrium on its system thread), so once the answer to a
     * STATSZ request sent right behind has arrived, any answer to the request has arrived before it.
     */
    private static List<String> ask(ServerProcess server, String subject, String options) throws Exception {
        try (RawClient a = login(server, "a"); RawClient sys = login(server, "sys")) {
            a.send("SUB foo.a 1\r\nSUB foo.a q 2\r\nPING\r\n").expect("PONG\r\n");
            String id = serverId(server, sys);
            byte[] body = options.getBytes(StandardCharsets.UTF_8);
            sys.send("SUB _INBOX.reply 1\r\nSUB _INBOX.fence 2\r\nPUB " + subject.replace("<id>", id)
                    + " _INBOX.reply " + body.length + "\r\n" + options + "\r\nPUB $SYS.REQ.SERVER." + id
                    + ".STATSZ _INBOX.fence 0\r\n\r\n");
            String received = sys.drainThrough(FENCE, Duration.ofSeconds(10));
            List<String> replies = new java.util.ArrayList<>();
            Matcher matcher = MSG.matcher(received);
            int from = 0;
            while (matcher.find(from)) {
                int start = matcher.end();
                int end = start + Integer.parseInt(matcher.group(3));
                if (matcher.group(1).equals("_INBOX.reply")) {
                    replies.add(received.substring(start, end));
                }
                from = end;
            }
            return replies;
        }
    }

    /** The server's id, asked once per server. */
    private static String serverId(ServerProcess server, RawClient sys) throws Exception {
        String known = SERVER_IDS.get(server);
        if (known != null) {
            return known;
        }
        sys.send("SUB _INBOX.id 9\r\nPUB $SYS.REQ.SERVER.PING.STATSZ _INBOX.id 0\r\n\r\n");
        Matcher reply = sys.expectPattern(Pattern.compile("MSG _INBOX.id 9 {1,2}\\d+\r\n\\{\"server\":\\{[^}]*\"id\":\"(\\w+)\""));
        String id = reply.group(1);
        sys.send("UNSUB 9\r\nPING\r\n");
        sys.drainThrough(Pattern.compile("PONG\r\n"), Duration.ofSeconds(10));
        SERVER_IDS.put(server, id);
        return id;
    }

    private static RawClient login(ServerProcess server, String user) throws Exception {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        client.send("CONNECT {\"verbose\":false,\"user\":\"" + user + "\",\"pass\":\"" + user + "\"}\r\nPING\r\n")
                .expect("PONG\r\n");
        return client;
    }

    private static TreeSet<String> keys(JsonNode node, String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            keys.add(path);
            if (field.getValue().isObject()) {
                keys.addAll(keys(field.getValue(), path + "."));
            }
        }
        return keys;
    }
}
