package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthDecision.Rejected;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.SubjectPermission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every mechanism, and nats-server's order when several are configured. */
class AuthenticatorTest {

    private static final String NONCE = "Qzxd-Uw4ss1kCA8";
    private static final ConnectionType STANDARD = ConnectionType.STANDARD;

    /** A stand-in for bcrypt: "$2a$04$" followed by the password is its hash. */
    private final List<String> verified = new ArrayList<>();
    private final PasswordVerifier fakeBcrypt = (presented, hash) -> {
        verified.add(presented);
        return hash.equals(fakeHash(presented));
    };

    private static String fakeHash(String password) {
        return "$2a$04$" + password;
    }

    private AuthDecision authenticate(AuthConfiguration configuration, ClientCredentials credentials) {
        return new Authenticator(configuration, fakeBcrypt).authenticate(credentials, STANDARD, NONCE);
    }

    private static Authenticated in(AuthDecision decision) {
        assertThat(decision).isInstanceOf(Authenticated.class);
        return (Authenticated) decision;
    }

    private static Rejection out(AuthDecision decision) {
        assertThat(decision).isInstanceOf(Rejected.class);
        assertThat(decision.authenticated()).isFalse();
        return ((Rejected) decision).reason();
    }

    @Nested
    class WithoutAuthentication {

        @Test
        void everyoneIsInTheGlobalAccountUnrestrictedWhateverTheySend() {
            for (ClientCredentials credentials : List.of(ClientCredentials.none(),
                    ClientCredentials.userAndPassword("x", "y"), ClientCredentials.token("t"),
                    ClientCredentials.nkey("UNKNOWN", "sig"))) {
                Authenticated decision = in(authenticate(AuthConfiguration.none(), credentials));

                assertThat(decision).isEqualTo(new Authenticated(AuthMethod.NONE, null, AccountNames.GLOBAL,
                        Permissions.unrestricted()));
            }
        }

        @Test
        void aPasswordWithoutAUserRequiresNothing() {
            AuthConfiguration configuration = AuthConfiguration.none().withSingleUser("", "secret");

            assertThat(configuration.authRequired()).isFalse();
            assertThat(in(authenticate(configuration, ClientCredentials.none())).method()).isEqualTo(AuthMethod.NONE);
        }
    }

    @Nested
    class Token {

        private final AuthConfiguration plain = AuthConfiguration.none().withToken("s3cret");

        @Test
        void theRightTokenIsIn() {
            Authenticated decision = in(authenticate(plain, ClientCredentials.token("s3cret")));

            assertThat(decision.method()).isEqualTo(AuthMethod.TOKEN);
            assertThat(decision.identity()).isNull();
            assertThat(decision.account()).isEqualTo("$G");
            assertThat(decision.permissions().isUnrestricted()).isTrue();
            assertThat(verified).isEmpty();
        }

        @Test
        void aWrongOrMissingTokenIsOut() {
            assertThat(out(authenticate(plain, ClientCredentials.token("s3cre")))).isEqualTo(Rejection.WRONG_TOKEN);
            assertThat(out(authenticate(plain, ClientCredentials.none()))).isEqualTo(Rejection.WRONG_TOKEN);
            assertThat(out(authenticate(plain, ClientCredentials.userAndPassword("s3cret", "s3cret"))))
                    .as("the token must come as auth_token").isEqualTo(Rejection.WRONG_TOKEN);
        }

        @Test
        void aBcryptTokenIsCheckedByTheVerifier() {
            AuthConfiguration hashed = AuthConfiguration.none().withToken(fakeHash("s3cret"));

            assertThat(in(authenticate(hashed, ClientCredentials.token("s3cret"))).method())
                    .isEqualTo(AuthMethod.TOKEN);
            assertThat(out(authenticate(hashed, ClientCredentials.token(fakeHash("s3cret")))))
                    .as("the hash itself is not the token").isEqualTo(Rejection.WRONG_TOKEN);
            assertThat(verified).containsExactly("s3cret", fakeHash("s3cret"));
        }
    }

    @Nested
    class SingleUser {

        private final AuthConfiguration plain = AuthConfiguration.none().withSingleUser("derek", "pw");

        @Test
        void theRightUserAndPasswordAreIn() {
            Authenticated decision = in(authenticate(plain, ClientCredentials.userAndPassword("derek", "pw")));

            assertThat(decision).isEqualTo(new Authenticated(AuthMethod.SINGLE_USER, "derek", "$G",
                    Permissions.unrestricted()));
        }

        @Test
        void aWrongNameOrPasswordIsOut() {
            assertThat(out(authenticate(plain, ClientCredentials.userAndPassword("derek", "px"))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
            assertThat(out(authenticate(plain, ClientCredentials.userAndPassword("Derek", "pw"))))
                    .isEqualTo(Rejection.UNKNOWN_USER);
            assertThat(out(authenticate(plain, ClientCredentials.userAndPassword("derek", ""))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
            assertThat(out(authenticate(plain, ClientCredentials.none()))).isEqualTo(Rejection.UNKNOWN_USER);
        }

        @Test
        void aBcryptPasswordIsCheckedByTheVerifier() {
            AuthConfiguration hashed = AuthConfiguration.none().withSingleUser("derek", fakeHash("pw"));

            assertThat(in(authenticate(hashed, ClientCredentials.userAndPassword("derek", "pw"))).identity())
                    .isEqualTo("derek");
            assertThat(out(authenticate(hashed, ClientCredentials.userAndPassword("derek", "nope"))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
        }

        @Test
        void aTokenIsCheckedBeforeTheSingleUser() {
            AuthConfiguration both = plain.withToken("tok");

            assertThat(in(authenticate(both, ClientCredentials.token("tok"))).method()).isEqualTo(AuthMethod.TOKEN);
            assertThat(out(authenticate(both, ClientCredentials.userAndPassword("derek", "pw"))))
                    .isEqualTo(Rejection.WRONG_TOKEN);
        }
    }

    @Nested
    class Users {

        private final Permissions alicePermissions =
                Permissions.of(SubjectPermission.allowing("alice.>"), null, null);
        private final User alice = User.of("alice", "wonder").withPermissions(alicePermissions).withAccount("A");
        private final User bob = User.of("bob", fakeHash("builder"));
        private final User websocketOnly =
                User.of("web", "pw").withAllowedConnectionTypes(Set.of(ConnectionType.WEBSOCKET));
        private final AuthConfiguration users = AuthConfiguration.none().withUsers(List.of(alice, bob, websocketOnly));

        @Test
        void aUserIsInWithItsPermissionsAndAccount() {
            Authenticated decision = in(authenticate(users, ClientCredentials.userAndPassword("alice", "wonder")));

            assertThat(decision).isEqualTo(new Authenticated(AuthMethod.USER, "alice", "A", alicePermissions));
        }

        @Test
        void aUserWithoutPermissionsOrAccountIsUnrestrictedInTheGlobalAccount() {
            Authenticated decision = in(authenticate(users, ClientCredentials.userAndPassword("bob", "builder")));

            assertThat(decision.account()).isEqualTo("$G");
            assertThat(decision.permissions().isUnrestricted()).isTrue();
            assertThat(verified).containsExactly("builder");
        }

        @Test
        void wrongPasswordsUnknownUsersAndMissingCredentialsAreOut() {
            assertThat(out(authenticate(users, ClientCredentials.userAndPassword("alice", "Wonder"))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
            assertThat(out(authenticate(users, ClientCredentials.userAndPassword("bob", fakeHash("builder")))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
            assertThat(out(authenticate(users, ClientCredentials.userAndPassword("carol", "wonder"))))
                    .isEqualTo(Rejection.UNKNOWN_USER);
            assertThat(out(authenticate(users, ClientCredentials.none())))
                    .isEqualTo(Rejection.NO_MATCHING_CREDENTIALS);
            assertThat(out(authenticate(users, ClientCredentials.token("wonder"))))
                    .isEqualTo(Rejection.NO_MATCHING_CREDENTIALS);
        }

        @Test
        void aWrongPasswordOfABcryptUserPaysForBcryptAndAnUnknownUserDoesNot() {
            // The cost of a failure is the same for every wrong password of a known user, so its timing tells nothing
            // about the password; an unknown name is refused at once, which tells that the user does not exist, as
            // in nats-server.
            authenticate(users, ClientCredentials.userAndPassword("bob", "guess"));
            authenticate(users, ClientCredentials.userAndPassword("bob", "b"));
            authenticate(users, ClientCredentials.userAndPassword("nobody", "guess"));

            assertThat(verified).containsExactly("guess", "b");
        }

        @Test
        void onlyCredentialsCheckedAgainstABcryptHashNameOneAndNamingItRunsNoBcrypt() {
            Authenticator authenticator = new Authenticator(users, fakeBcrypt);

            assertThat(authenticator.bcryptHashFor(ClientCredentials.userAndPassword("bob", "guess"), STANDARD))
                    .isEqualTo(fakeHash("builder"));
            assertThat(authenticator.bcryptHashFor(ClientCredentials.userAndPassword("alice", "x"), STANDARD))
                    .as("a plain password").isNull();
            assertThat(authenticator.bcryptHashFor(ClientCredentials.userAndPassword("nobody", "x"), STANDARD))
                    .as("an unknown user").isNull();
            assertThat(new Authenticator(AuthConfiguration.none().withUsers(List.of(alice)), fakeBcrypt)
                    .bcryptHashFor(ClientCredentials.userAndPassword("alice", "wonder"), STANDARD))
                    .as("a configuration without hashes").isNull();
            assertThat(verified).isEmpty();
        }

        @Test
        void anotherVerifierCanDecideAHashAlreadyProven() {
            Authenticator authenticator = new Authenticator(users, fakeBcrypt);
            String proven = fakeHash("builder");

            AuthDecision decision = authenticator.authenticate(ClientCredentials.userAndPassword("bob", "builder"),
                    STANDARD, NONCE, (presented, hash) -> hash.equals(proven));

            assertThat(in(decision).identity()).isEqualTo("bob");
            assertThat(verified).as("the configured bcrypt never ran").isEmpty();
        }

        @Test
        void theAllowedConnectionTypesAreEnforced() {
            Authenticator authenticator = new Authenticator(users, fakeBcrypt);
            ClientCredentials web = ClientCredentials.userAndPassword("web", "pw");

            assertThat(out(authenticator.authenticate(web, ConnectionType.STANDARD, NONCE)))
                    .isEqualTo(Rejection.CONNECTION_TYPE_NOT_ALLOWED);
            assertThat(authenticator.authenticate(web, ConnectionType.WEBSOCKET, NONCE).authenticated()).isTrue();
            assertThat(authenticator.authenticate(ClientCredentials.userAndPassword("alice", "wonder"),
                    ConnectionType.MQTT, NONCE).authenticated()).as("no list allows all").isTrue();
        }

        @Test
        void aTokenStillLetsInAClientWithoutAUsername() {
            AuthConfiguration withToken = users.withToken("tok");

            assertThat(in(authenticate(withToken, ClientCredentials.token("tok"))).method())
                    .isEqualTo(AuthMethod.TOKEN);
            assertThat(out(authenticate(withToken, ClientCredentials.userAndPassword("carol", "x"))))
                    .isEqualTo(Rejection.UNKNOWN_USER);
        }

        @Test
        void theJwtIsIgnoredOutsideOperatorMode() {
            ClientCredentials withJwt = new ClientCredentials("alice", "wonder", "", "", "", "eyJ0eXAiOiJKV1QifQ.x.y");

            assertThat(in(authenticate(users, withJwt)).identity()).isEqualTo("alice");
        }
    }

    @Nested
    class NKeys {

        private final Ed25519TestKeys keys = Ed25519TestKeys.generate();
        private final Permissions permissions = Permissions.of(null, SubjectPermission.denying(">"), null);
        private final NKeyUser user = NKeyUser.of(keys.nkey()).withPermissions(permissions).withAccount("B");
        private final AuthConfiguration nkeys = AuthConfiguration.none().withNKeyUsers(List.of(user));

        @Test
        void aSignatureOfTheNonceByTheUsersKeyIsIn() {
            Authenticated decision =
                    in(authenticate(nkeys, ClientCredentials.nkey(keys.publicKey(), keys.signNonce(NONCE))));

            assertThat(decision).isEqualTo(new Authenticated(AuthMethod.NKEY, keys.publicKey(), "B", permissions));
            assertThat(nkeys.nonceRequired()).isTrue();
        }

        @Test
        void paddedStandardBase64IsAcceptedToo() {
            byte[] signature = keys.sign(NONCE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String standard = java.util.Base64.getEncoder().encodeToString(signature);

            assertThat(authenticate(nkeys, ClientCredentials.nkey(keys.publicKey(), standard)).authenticated())
                    .isTrue();
        }

        @Test
        void aSignatureOfAnotherNonceOrByAnotherKeyIsOut() {
            Ed25519TestKeys other = Ed25519TestKeys.generate();

            assertThat(out(authenticate(nkeys, ClientCredentials.nkey(keys.publicKey(), keys.signNonce("other")))))
                    .isEqualTo(Rejection.SIGNATURE_NOT_VERIFIED);
            assertThat(out(authenticate(nkeys, ClientCredentials.nkey(keys.publicKey(), other.signNonce(NONCE)))))
                    .isEqualTo(Rejection.SIGNATURE_NOT_VERIFIED);
            assertThat(out(authenticate(nkeys, ClientCredentials.nkey(other.publicKey(), other.signNonce(NONCE)))))
                    .as("a key that is not configured").isEqualTo(Rejection.UNKNOWN_NKEY);
        }

        @Test
        void aMissingOrUnreadableSignatureIsOut() {
            assertThat(out(authenticate(nkeys, ClientCredentials.nkey(keys.publicKey(), ""))))
                    .isEqualTo(Rejection.SIGNATURE_MISSING);
            assertThat(out(authenticate(nkeys, ClientCredentials.nkey(keys.publicKey(), "*not base64*"))))
                    .isEqualTo(Rejection.SIGNATURE_NOT_BASE64);
        }

        @Test
        void withoutANonceNoSignatureVerifies() {
            Authenticator authenticator = new Authenticator(nkeys, fakeBcrypt);
            ClientCredentials credentials = ClientCredentials.nkey(keys.publicKey(), keys.signNonce(NONCE));

            assertThat(out(authenticator.authenticate(credentials, STANDARD, null)))
                    .isEqualTo(Rejection.SIGNATURE_NOT_VERIFIED);
        }

        @Test
        void theAllowedConnectionTypesAreEnforced() {
            AuthConfiguration mqttOnly = AuthConfiguration.none().withNKeyUsers(
                    List.of(user.withAllowedConnectionTypes(Set.of(ConnectionType.MQTT))));

            assertThat(out(authenticate(mqttOnly, ClientCredentials.nkey(keys.publicKey(), keys.signNonce(NONCE)))))
                    .isEqualTo(Rejection.CONNECTION_TYPE_NOT_ALLOWED);
        }

        @Test
        void anNKeyIsCheckedBeforeUsers() {
            AuthConfiguration both = nkeys.withUsers(List.of(User.of("alice", "wonder")));
            ClientCredentials nkeyAndUser = new ClientCredentials("alice", "wonder", "", keys.publicKey(),
                    keys.signNonce(NONCE), "");
            ClientCredentials unknownNKeyAndUser = new ClientCredentials("alice", "wonder", "",
                    Ed25519TestKeys.generate().publicKey(), "", "");

            assertThat(in(authenticate(both, nkeyAndUser)).method()).isEqualTo(AuthMethod.NKEY);
            assertThat(out(authenticate(both, unknownNKeyAndUser))).isEqualTo(Rejection.UNKNOWN_NKEY);
            assertThat(in(authenticate(both, ClientCredentials.userAndPassword("alice", "wonder"))).method())
                    .isEqualTo(AuthMethod.USER);
        }

        @Test
        void anNKeyUserNeedsAUserKey() {
            NKey account = NKey.of(NKeyType.ACCOUNT, keys.nkey().publicKey());

            assertThatThrownBy(() -> NKeyUser.of(account)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class NoAuthUser {

        private final User guest = User.of("guest", "guestpw").withAccount("GUESTS");
        private final Ed25519TestKeys keys = Ed25519TestKeys.generate();

        @Test
        void aClientWithoutCredentialsBecomesTheNoAuthUser() {
            AuthConfiguration configuration =
                    AuthConfiguration.none().withUsers(List.of(guest)).withNoAuthUser("guest");

            Authenticated decision = in(authenticate(configuration, ClientCredentials.none()));

            assertThat(decision.identity()).isEqualTo("guest");
            assertThat(decision.account()).isEqualTo("GUESTS");
        }

        @Test
        void anyUserPasswordOrTokenSentOptsOut() {
            AuthConfiguration configuration =
                    AuthConfiguration.none().withUsers(List.of(guest)).withNoAuthUser("guest");

            assertThat(out(authenticate(configuration, ClientCredentials.userAndPassword("", "x"))))
                    .isEqualTo(Rejection.NO_MATCHING_CREDENTIALS);
            assertThat(out(authenticate(configuration, ClientCredentials.token("t"))))
                    .isEqualTo(Rejection.NO_MATCHING_CREDENTIALS);
            assertThat(out(authenticate(configuration, ClientCredentials.userAndPassword("guest", "wrong"))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
        }

        @Test
        void anUnknownNoAuthUserLetsNobodyInWithoutCredentials() {
            AuthConfiguration configuration =
                    AuthConfiguration.none().withUsers(List.of(guest)).withNoAuthUser("nobody");

            assertThat(out(authenticate(configuration, ClientCredentials.none())))
                    .isEqualTo(Rejection.NO_MATCHING_CREDENTIALS);
        }

        /**
         * nats-server hands the no_auth_user's configured password in as the client's: plain it matches itself, a
         * bcrypt hash goes to bcrypt as the password, which fails with a real bcrypt.
         */
        @Test
        void theNoAuthUserPresentsItsOwnConfiguredPassword() {
            AuthConfiguration hashed = AuthConfiguration.none()
                    .withUsers(List.of(User.of("guest", fakeHash("pw")))).withNoAuthUser("guest");

            assertThat(out(authenticate(hashed, ClientCredentials.none()))).isEqualTo(Rejection.WRONG_PASSWORD);
            assertThat(verified).containsExactly(fakeHash("pw"));
        }

        @Test
        void anNKeyNoAuthUserNeedsNoSignature() {
            AuthConfiguration configuration = AuthConfiguration.none()
                    .withNKeyUsers(List.of(NKeyUser.of(keys.nkey()))).withNoAuthUser(keys.publicKey());

            Authenticated decision = in(authenticate(configuration, ClientCredentials.none()));

            assertThat(decision.method()).isEqualTo(AuthMethod.NKEY);
            assertThat(decision.identity()).isEqualTo(keys.publicKey());
            assertThat(in(authenticate(configuration, ClientCredentials.nkey(keys.publicKey(), ""))).identity())
                    .as("nor when the client names that nkey itself, as in nats-server").isEqualTo(keys.publicKey());
        }

        @Test
        void anNKeyNoAuthUserComesBeforeAUserOfTheSameConfiguration() {
            AuthConfiguration configuration = AuthConfiguration.none().withUsers(List.of(guest))
                    .withNKeyUsers(List.of(NKeyUser.of(keys.nkey()))).withNoAuthUser(keys.publicKey());

            assertThat(in(authenticate(configuration, ClientCredentials.none())).method()).isEqualTo(AuthMethod.NKEY);
            assertThat(in(authenticate(configuration, ClientCredentials.userAndPassword("guest", "guestpw")))
                    .method()).isEqualTo(AuthMethod.USER);
        }

        @Test
        void aUserNoAuthUserAppliesWhenNKeysAreConfiguredToo() {
            AuthConfiguration configuration = AuthConfiguration.none().withUsers(List.of(guest))
                    .withNKeyUsers(List.of(NKeyUser.of(keys.nkey()))).withNoAuthUser("guest");

            assertThat(in(authenticate(configuration, ClientCredentials.none())).identity()).isEqualTo("guest");
        }
    }

    @Nested
    class Proxies {

        @Test
        void usersThatRequireATrustedProxyAreRefusedWithoutOne() {
            Ed25519TestKeys keys = Ed25519TestKeys.generate();
            AuthConfiguration configuration = AuthConfiguration.none()
                    .withUsers(List.of(User.of("p", "pw").withProxyRequired(true)))
                    .withNKeyUsers(List.of(NKeyUser.of(keys.nkey()).withProxyRequired(true)));

            Rejection user = out(authenticate(configuration, ClientCredentials.userAndPassword("p", "pw")));
            Rejection nkey = out(authenticate(configuration,
                    ClientCredentials.nkey(keys.publicKey(), keys.signNonce(NONCE))));
            Rejection single = out(authenticate(AuthConfiguration.none().withToken("t").withProxyRequired(true),
                    ClientCredentials.token("t")));

            assertThat(List.of(user, nkey, single)).containsOnly(Rejection.PROXY_REQUIRED);
            assertThat(user.closesAsProxyRequired()).isTrue();
            assertThat(Rejection.WRONG_PASSWORD.closesAsProxyRequired()).isFalse();
        }

        @Test
        void usersThatRequireATrustedProxyAreLetInWhenOneVouchedAndStillNeedTheirOwnCredentials() {
            Ed25519TestKeys keys = Ed25519TestKeys.generate();
            AuthConfiguration configuration = AuthConfiguration.none()
                    .withUsers(List.of(User.of("p", "pw").withProxyRequired(true)))
                    .withNKeyUsers(List.of(NKeyUser.of(keys.nkey()).withProxyRequired(true)));

            assertThat(in(authenticate(configuration,
                    ClientCredentials.userAndPassword("p", "pw").withTrustedProxy(true))).identity()).isEqualTo("p");
            assertThat(in(authenticate(configuration, ClientCredentials.nkey(keys.publicKey(),
                    keys.signNonce(NONCE)).withTrustedProxy(true))).identity()).isEqualTo(keys.publicKey());
            assertThat(in(authenticate(AuthConfiguration.none().withToken("t").withProxyRequired(true),
                    ClientCredentials.token("t").withTrustedProxy(true))).method()).isEqualTo(AuthMethod.TOKEN);
            assertThat(out(authenticate(configuration,
                    ClientCredentials.userAndPassword("p", "wrong").withTrustedProxy(true))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
        }
    }

    @Nested
    class Configuration {

        @Test
        void authIsRequiredByUsersNKeysASingleUserOrAToken() {
            assertThat(AuthConfiguration.none().authRequired()).isFalse();
            assertThat(AuthConfiguration.none().withToken("t").authRequired()).isTrue();
            assertThat(AuthConfiguration.none().withSingleUser("u", "").authRequired()).isTrue();
            assertThat(AuthConfiguration.none().withUsers(List.of(User.of("u", "p"))).authRequired()).isTrue();
            assertThat(AuthConfiguration.none().withNKeyUsers(List.of(NKeyUser.of(Ed25519TestKeys.generate().nkey())))
                    .authRequired()).isTrue();
            assertThat(AuthConfiguration.none().withUsers(List.of(User.of("u", "p"))).nonceRequired()).isFalse();
        }

        @Test
        void duplicateUsersAreRefused() {
            assertThatThrownBy(() -> AuthConfiguration.none().withUsers(List.of(User.of("u", "a"), User.of("u", "b"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate user u");
            NKey nkey = Ed25519TestKeys.generate().nkey();
            assertThatThrownBy(() -> AuthConfiguration.none().withNKeyUsers(List.of(NKeyUser.of(nkey),
                    NKeyUser.of(nkey)))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void secretsStayOutOfToString() {
            AuthConfiguration configuration = AuthConfiguration.none().withSingleUser("u", "hunter2")
                    .withToken("tok3n").withUsers(List.of(User.of("v", "passw0rd")));
            ClientCredentials credentials = new ClientCredentials("u", "hunter2", "tok3n", "", "s1g", "jw7");

            assertThat(configuration.toString()).contains("u", "v").doesNotContain("hunter2", "tok3n", "passw0rd");
            assertThat(credentials.toString()).doesNotContain("hunter2", "tok3n", "s1g", "jw7");
        }
    }

    @Nested
    class CertificateMapping {

        private final CertificateIdentity alice = new CertificateIdentity(List.of("alice@acme.test"), List.of(),
                List.of(), "CN=alice,O=Acme", List.of(
                        List.of(new CertificateIdentity.SubjectAttribute("2.5.4.10", "Acme")),
                        List.of(new CertificateIdentity.SubjectAttribute("2.5.4.3", "alice"))));

        private AuthConfiguration mapping(User... users) {
            return AuthConfiguration.none().withUsers(List.of(users)).withCertificateMapping(true);
        }

        @Test
        void theUserIsFoundFromTheCertificateWithItsAccountAndPermissions() {
            Permissions permissions = Permissions.of(SubjectPermission.allowing("a.>"), null, null);
            User dn = User.of("O=Acme, CN=alice", "").withAccount("A").withPermissions(permissions);
            Authenticated in = in(authenticate(mapping(User.of("bob", "pw"), dn),
                    ClientCredentials.none().withCertificate(alice)));
            assertThat(in.method()).isEqualTo(AuthMethod.CERTIFICATE);
            assertThat(in.identity()).isEqualTo("O=Acme, CN=alice");
            assertThat(in.account()).isEqualTo("A");
            assertThat(in.permissions()).isEqualTo(permissions);
        }

        @Test
        void theUserNamedInConnectIsIgnored() {
            AuthDecision decision = authenticate(mapping(User.of("bob", ""), User.of("alice@acme.test", "")),
                    ClientCredentials.userAndPassword("bob", "").withCertificate(alice));
            assertThat(in(decision).identity()).isEqualTo("alice@acme.test");
        }

        @Test
        void aCertificateNamingNoUserOrNoCertificateIsRefused() {
            AuthConfiguration configuration = mapping(User.of("bob", "")).withNoAuthUser("bob");
            assertThat(out(authenticate(configuration, ClientCredentials.none().withCertificate(alice))))
                    .isEqualTo(Rejection.NO_CERTIFICATE_USER);
            assertThat(out(authenticate(configuration, ClientCredentials.userAndPassword("bob", ""))))
                    .as("no_auth_user is not used").isEqualTo(Rejection.NO_CERTIFICATE_USER);
        }

        @Test
        void aPasswordConfiguredForTheMappedUserIsStillChecked() {
            AuthConfiguration configuration = mapping(User.of("alice@acme.test", "secret"));
            assertThat(out(authenticate(configuration, ClientCredentials.none().withCertificate(alice))))
                    .isEqualTo(Rejection.WRONG_PASSWORD);
            assertThat(in(authenticate(configuration, ClientCredentials.userAndPassword("", "secret")
                    .withCertificate(alice))).identity()).isEqualTo("alice@acme.test");
        }

        @Test
        void withoutMappingOrWithoutUsersTheCertificateIsIgnored() {
            AuthConfiguration plain = AuthConfiguration.none().withUsers(List.of(User.of("alice@acme.test", "")));
            assertThat(out(authenticate(plain, ClientCredentials.none().withCertificate(alice))))
                    .isEqualTo(Rejection.NO_MATCHING_CREDENTIALS);
            AuthConfiguration token = AuthConfiguration.none().withToken("t").withCertificateMapping(true);
            assertThat(in(authenticate(token, ClientCredentials.token("t").withCertificate(alice))).method())
                    .isEqualTo(AuthMethod.TOKEN);
        }
    }
}
