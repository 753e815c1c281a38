package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.TestJwts.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Claims written back as the JWT library's structs marshal: the expected texts are written by hand from nats-io/jwt
 * v2.3.0's struct tags and Go's {@code encoding/json} rules.
 */
class GoClaimsJsonTest {

    private static final TestKey OPERATOR = TestKey.operator();
    private static final TestKey ACCOUNT = TestKey.account();

    @Test
    void anAccountComesBackInStructOrderWithEmptyFieldsLeftOutAndMapsSorted() {
        Map<String, Object> limits = map("subs", -1, "data", -1, "payload", -1, "imports", -1, "exports", -1,
                "wildcards", true, "conn", -1, "leaf", -1, "mem_storage", 0,
                "tiered_limits", map("R3", map("streams", 2), "R1", map("disk_storage", 5)));
        Map<String, Object> export = map("unknown", 1, "type", "service", "subject", "svc.>",
                "response_type", "Stream", "service_latency", map("results", "lat", "sampling", "HEADERS"),
                "revocations", map("B", 2, "A", 1));
        Map<String, Object> nats = map("whatever", true, "description", "d", "tags", List.of("x"),
                "signing_keys", List.of(ACCOUNT.publicKey()), "mappings", map("b", List.of(map("subject", "c",
                        "weight", 50)), "a", List.of(map("subject", "d"))),
                "revocations", map("UB", 5, "UA", 4), "limits", limits, "exports", List.of(export),
                "imports", List.of(map("type", "stream", "account", ACCOUNT.publicKey(), "subject", "a.b",
                        "to", "x")));
        String token = TestJwts.account(OPERATOR, ACCOUNT, nats);

        String written = GoJsonWriter.write(GoClaimsJson.of(token));

        assertThat(written).isEqualTo("{\"jti\":\"JTI" + ACCOUNT.publicKey().hashCode() + "\",\"iat\":1700000000,"
                + "\"iss\":\"" + OPERATOR.publicKey() + "\",\"name\":\"account-name\",\"sub\":\"" + ACCOUNT.publicKey()
                + "\",\"nats\":{"
                + "\"imports\":[{\"subject\":\"a.b\",\"account\":\"" + ACCOUNT.publicKey()
                + "\",\"to\":\"x\",\"type\":\"stream\"}],"
                + "\"exports\":[{\"subject\":\"svc.\\u003e\",\"type\":\"service\",\"revocations\":{\"A\":1,\"B\":2},"
                + "\"response_type\":\"Stream\",\"service_latency\":{\"sampling\":\"headers\",\"results\":\"lat\"}}],"
                + "\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
                + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1,"
                + "\"tiered_limits\":{\"R1\":{\"disk_storage\":5},\"R3\":{\"streams\":2}}},"
                + "\"signing_keys\":[\"" + ACCOUNT.publicKey() + "\"],"
                + "\"revocations\":{\"UA\":4,\"UB\":5},"
                + "\"default_permissions\":{\"pub\":{},\"sub\":{}},"
                + "\"mappings\":{\"a\":[{\"subject\":\"d\"}],\"b\":[{\"subject\":\"c\",\"weight\":50}]},"
                + "\"description\":\"d\",\"tags\":[\"x\"],\"type\":\"account\",\"version\":2}}");
    }

    @Test
    void aUsersSourcesStringBecomesTheListAndAScopedKeyItsStruct() {
        TestKey user = TestKey.user();
        String userToken = TestJwts.user(ACCOUNT, user, map("payload", -1, "subs", -1, "data", -1,
                "src", "10.0.0.0/8, 192.168.0.0/16", "pub", map("allow", List.of("a")),
                "resp", map("ttl", 0, "max", 1), "bearer_token", false));
        TestKey scoped = TestKey.account();
        String accountToken = TestJwts.account(OPERATOR, ACCOUNT, map("signing_keys", List.of(map(
                "template", map("sub", map("deny", List.of("x"))), "role", "r", "key", scoped.publicKey(),
                "kind", "user_scope"))));

        String userNats = GoJsonWriter.write(GoClaimsJson.of(userToken).get("nats"));
        Object keys = ((Map<?, ?>) GoClaimsJson.of(accountToken).get("nats")).get("signing_keys");

        assertThat(userNats).isEqualTo("{\"pub\":{\"allow\":[\"a\"]},\"sub\":{},\"resp\":{\"max\":1,\"ttl\":0},"
                + "\"src\":[\"10.0.0.0/8\",\"192.168.0.0/16\"],\"subs\":-1,\"data\":-1,\"payload\":-1,"
                + "\"type\":\"user\",\"version\":2}");
        assertThat(GoJsonWriter.write(keys)).isEqualTo("[{\"kind\":\"user_scope\",\"key\":\"" + scoped.publicKey()
                + "\",\"role\":\"r\",\"template\":{\"pub\":{},\"sub\":{\"deny\":[\"x\"]}}}]");
    }

    @Test
    void anOperatorKeepsItsSystemAccountAndSigningKeys() {
        TestKey signer = TestKey.operator();
        String token = TestJwts.operator(OPERATOR, map("system_account", ACCOUNT.publicKey(),
                "signing_keys", List.of(signer.publicKey()), "strict_signing_key_usage", false));

        assertThat(GoJsonWriter.write(GoClaimsJson.of(token).get("nats"))).isEqualTo("{\"signing_keys\":[\""
                + signer.publicKey() + "\"],\"system_account\":\"" + ACCOUNT.publicKey()
                + "\",\"type\":\"operator\",\"version\":2}");
    }

    @Test
    void aTokenThatDoesNotVerifyHasNoClaims() {
        String token = TestJwts.account(OPERATOR, ACCOUNT, map());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + TestJwts.base64(new byte[64]);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoClaimsJson.of(forged))
                .isInstanceOf(JwtException.class).hasMessage("claim failed V2 signature verification");
    }
}
