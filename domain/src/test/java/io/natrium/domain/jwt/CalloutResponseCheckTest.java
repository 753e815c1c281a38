package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.TestJwts.claims;
import static io.natrium.domain.jwt.TestJwts.map;
import static io.natrium.domain.jwt.TestJwts.sign;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** nats-server's checks of a callout response in config mode, with its texts (title-cased as it logs them). */
class CalloutResponseCheckTest {

    private static final long NOW = 1_700_000_100L;
    private static final TestKey ISSUER = TestKey.account();
    private static final String SERVER = NKeySeed.generate(NKeyType.SERVER).publicKey().encoded();
    private static final String USER = TestKey.user().publicKey();
    private static final Set<String> ACCOUNTS = Set.of("$G", "AUTH", "APP");
    private static final CalloutResponseCheck CHECK = new CalloutResponseCheck(SERVER,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC),
            new ConfigCalloutPlacement(ISSUER.publicKey(), ACCOUNTS::contains));

    @Test
    void grantsTheUserInTheAudienceAccountWithItsPermissionsUntilItExpires() {
        Map<String, Object> user = user(ISSUER, USER, "APP");
        user.put("exp", NOW + 60);

        CalloutResponseCheck.Verdict verdict = check(response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, user))));

        assertThat(verdict.refusal()).isNull();
        assertThat(verdict.granted().method()).isEqualTo(AuthMethod.CALLOUT);
        assertThat(verdict.granted().account()).isEqualTo("APP");
        assertThat(verdict.granted().identity()).isEqualTo("user-name");
        assertThat(verdict.granted().permissions().publishAllowed("allowed.x")).isTrue();
        assertThat(verdict.granted().permissions().publishAllowed("other")).isFalse();
        assertThat(verdict.granted().jwt().expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + 60));
    }

    @Test
    void refusesResponsesThatAreNotForThisRequestOrServer() {
        String grant = sign(ISSUER, user(ISSUER, USER, "APP"));
        String other = TestKey.user().publicKey();

        assertThat(refusal(response(ISSUER, other, SERVER, map("jwt", grant))))
                .isEqualTo("Auth callout violation: auth callout response is not for expected user");
        assertThat(refusal(response(ISSUER, USER, NKeySeed.generate(NKeyType.SERVER).publicKey().encoded(),
                map("jwt", grant)))).isEqualTo("Auth callout violation: auth callout response is not for server");
        assertThat(refusal(response(ISSUER, USER, SERVER, map("error", "go away"))))
                .isEqualTo("Auth callout service returned an error: go away");
        assertThat(refusal("this is not a JWT")).isEqualTo("Expected 3 chunks");
    }

    @Test
    void refusesInvalidResponsesAsTheJwtLibraryValidatesThem() {
        Map<String, Object> expired = claims(ISSUER, USER, "authorization_response",
                map("jwt", sign(ISSUER, user(ISSUER, USER, "APP"))));
        expired.put("aud", SERVER);
        expired.put("exp", NOW - 1);

        assertThat(refusal(sign(ISSUER, expired)))
                .isEqualTo("Authorization response had validation errors: claim is expired");
        assertThat(refusal(response(ISSUER, USER, "APP", map("jwt", "x"))))
                .isEqualTo("Authorization response had validation errors: Audience must be a server public key");
        assertThat(refusal(response(ISSUER, USER, SERVER, map())))
                .isEqualTo("Authorization response had validation errors: Error or Jwt is required");
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesUserJwtsOfAnotherIssuerUserOrAccount() {
        TestKey stranger = TestKey.account();
        Map<String, Object> forged = user(stranger, USER, "APP");
        Map<String, Object> otherUser = user(ISSUER, TestKey.user().publicKey(), "APP");
        Map<String, Object> nowhere = user(ISSUER, USER, "NOWHERE");
        Map<String, Object> borrowed = user(ISSUER, USER, "APP");
        ((Map<String, Object>) borrowed.get("nats")).put("issuer_account", stranger.publicKey());

        assertThat(refusal(response(ISSUER, USER, SERVER, map("jwt", sign(stranger, forged)))))
                .isEqualTo("Wrong issuer for auth callout response on account \"AUTH\", expected \""
                        + ISSUER.publicKey() + "\" got \"" + stranger.publicKey() + "\"");
        assertThat(refusal(response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, otherUser)))))
                .isEqualTo("Expected authorized user of \"" + USER + "\" but got \"" + otherUser.get("sub")
                        + "\" on account \"AUTH\"");
        assertThat(refusal(response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, nowhere)))))
                .isEqualTo("No valid account \"NOWHERE\" for auth callout response on account \"AUTH\": "
                        + "account missing");
        assertThat(refusal(response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, borrowed)))))
                .isEqualTo("Error non operator mode account \"AUTH\": attempted to use issuer_account");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUserThatMustComeThroughAProxyIsGrantedOnlyWhenATrustedProxyVouched() {
        Map<String, Object> user = user(ISSUER, USER, "APP");
        ((Map<String, Object>) user.get("nats")).put("proxy_required", true);
        String token = response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, user)));

        CalloutResponseCheck.Verdict unvouched = CHECK.check(token, false, USER, "AUTH", CalloutProxy.NONE);
        CalloutResponseCheck.Verdict vouched = CHECK.check(token, false, USER, "AUTH",
                new CalloutProxy(false, true));

        assertThat(unvouched.refusal()).isEqualTo("Proxy connection required");
        assertThat(unvouched.proxyRequired()).isTrue();
        assertThat(vouched.refusal()).isNull();
        assertThat(vouched.granted().account()).isEqualTo("APP");
    }

    @Test
    void aClientWhoseOwnUserRequiredAProxyIsRefusedWhateverTheGrantUnlessVouched() {
        String token = response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, user(ISSUER, USER, "APP"))));

        CalloutResponseCheck.Verdict required = CHECK.check(token, false, USER, "AUTH",
                new CalloutProxy(true, false));

        assertThat(required.refusal()).isEqualTo("Proxy connection required");
        assertThat(required.proxyRequired()).isTrue();
        assertThat(CHECK.check(token, false, USER, "AUTH", new CalloutProxy(true, true)).granted()).isNotNull();
        assertThat(check(token).proxyRequired()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProxyIsCheckedBeforeTheUserJwtIsValidated() {
        Map<String, Object> user = user(ISSUER, TestKey.user().publicKey(), "APP");
        ((Map<String, Object>) user.get("nats")).put("proxy_required", true);

        assertThat(refusal(response(ISSUER, USER, SERVER, map("jwt", sign(ISSUER, user)))))
                .as("a grant for another user key, refused first for the proxy")
                .isEqualTo("Proxy connection required");
    }

    @Test
    void theRequestIsSignedByTheServerKeyAndIdentifiedByTheHashOfItsClaims() {
        NKeySeed server = NKeySeed.generate(NKeyType.SERVER);
        AuthorizationRequest request = new AuthorizationRequest(ISSUER.publicKey(),
                new AuthorizationRequest.Server("n", "0.0.0.0", server.publicKey().encoded(), "2.11.0", "",
                        List.of(), null),
                USER, new AuthorizationRequest.Client("127.0.0.1", 7, "alice", "", List.of(), "", "Client", "nats",
                        "", ""),
                new AuthorizationRequest.Connect("", "", "", "", "alice", "pw\"", "", "java", "2.25.2", 1), null);

        String token = request.encode(server, NOW, NOW + 2);
        Claims decoded = JwtDecoder.decode(token);

        assertThat(decoded.type()).isEqualTo("authorization_request");
        assertThat(decoded.data().issuer()).isEqualTo(server.publicKey().encoded());
        assertThat(decoded.data().subject()).isEqualTo(ISSUER.publicKey());
        assertThat(decoded.data().audience()).isEqualTo(AuthorizationRequest.AUDIENCE);
        assertThat(decoded.data().expires()).isEqualTo(NOW + 2);
        assertThat(decoded.data().id()).hasSize(52).matches("[A-Z2-7]+");
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), UTF_8);
        assertThat(json).contains("\"user_nkey\":\"" + USER + "\"", "\"pass\":\"pw\\\"\"", "\"protocol\":1",
                "\"client_info\":{\"host\":\"127.0.0.1\",\"id\":7,\"user\":\"alice\"")
                .doesNotContain("client_tls", "xkey");
    }

    private static CalloutResponseCheck.Verdict check(String token) {
        return CHECK.check(token, false, USER, "AUTH");
    }

    private static String refusal(String token) {
        CalloutResponseCheck.Verdict verdict = check(token);
        assertThat(verdict.granted()).isNull();
        return verdict.refusal();
    }

    private static Map<String, Object> user(TestKey issuer, String subject, String audience) {
        Map<String, Object> user = claims(issuer, subject, "user",
                map("pub", map("allow", List.of("allowed.>")), "sub", map()));
        user.put("aud", audience);
        return user;
    }

    private static String response(TestKey issuer, String subject, String audience, Map<String, Object> nats) {
        Map<String, Object> response = claims(issuer, subject, "authorization_response", nats);
        response.put("aud", audience);
        return sign(issuer, response);
    }
}
