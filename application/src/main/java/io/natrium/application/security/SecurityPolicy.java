package io.natrium.application.security;

import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.SimpleAuthSettings;
import io.natrium.application.settings.WebsocketSettings;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.Authenticator;
import io.natrium.domain.auth.NKeyUser;
import io.natrium.domain.auth.NonceGenerator;
import io.natrium.domain.auth.TrustedProxies;
import io.natrium.domain.auth.PasswordVerifier;
import io.natrium.domain.auth.Passwords;
import io.natrium.domain.auth.User;
import io.natrium.domain.jwt.OperatorAuthentication;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How the server authenticates clients under the settings in force: built at start and again by every reload, so a
 * connection reads one consistent policy.
 */
public final class SecurityPolicy {

    /** nats-server's {@code AUTH_TIMEOUT}. */
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(2);

    private final Authenticator authenticator;
    private final Duration authTimeout;
    private final NonceGenerator nonces;
    /** The proxies that may vouch for the clients they relay; the same for every listener. */
    private final TrustedProxies trustedProxies;
    /** The policy of WebSocket clients: this one, or one with the listener's own credentials (an override). */
    private final SecurityPolicy websocket;
    /** The policy of MQTT clients, likewise. */
    private final SecurityPolicy mqtt;
    private final boolean override;

    private SecurityPolicy(Authenticator authenticator, Duration authTimeout, NonceGenerator nonces,
            TrustedProxies trustedProxies) {
        this.authenticator = authenticator;
        this.authTimeout = authTimeout;
        this.nonces = nonces;
        this.trustedProxies = trustedProxies;
        this.websocket = this;
        this.mqtt = this;
        this.override = false;
    }

    /**
     * A listener's own policy beside {@code base}, the same users: its own single user or token and no_auth_user
     * (an {@code override}), or only its own certificate mapping.
     */
    private SecurityPolicy(SecurityPolicy base, Authenticator authenticator, Duration authTimeout, boolean override) {
        this.authenticator = authenticator;
        this.authTimeout = authTimeout;
        this.nonces = base.nonces;
        this.trustedProxies = base.trustedProxies;
        this.websocket = this;
        this.mqtt = this;
        this.override = override;
    }

    private SecurityPolicy(SecurityPolicy base, SecurityPolicy websocket, SecurityPolicy mqtt) {
        this.authenticator = base.authenticator;
        this.authTimeout = base.authTimeout;
        this.nonces = base.nonces;
        this.trustedProxies = base.trustedProxies;
        this.websocket = websocket;
        this.mqtt = mqtt;
        this.override = false;
    }

    public static SecurityPolicy of(ServerSettings settings, PasswordVerifier passwords, NonceGenerator nonces) {
        return of(settings, settings.operator().resolverPreload(), passwords, nonces);
    }

    /** The policy of {@code settings} in operator mode with {@code accountJwts}, the resolver's account JWTs. */
    public static SecurityPolicy of(ServerSettings settings, Map<String, String> accountJwts,
            PasswordVerifier passwords, NonceGenerator nonces) {
        AuthConfiguration configuration = AuthConfigurations.of(settings);
        // With TLS the default is the handshake timeout plus a second, as nats-server sets it.
        Duration timeout = settings.authTimeout();
        // Operator mode decides every CONNECT by its user JWT; the config may define no users then.
        OperatorAuthentication operatorMode = OperatorTrust.authentication(settings, accountJwts,
                Clock.systemDefaultZone());
        Authenticator authenticator = new Authenticator(configuration, passwords, operatorMode);
        SecurityPolicy base = new SecurityPolicy(authenticator,
                timeout.isZero() || timeout.isNegative() ? DEFAULT_AUTH_TIMEOUT : timeout, nonces,
                TrustedProxies.of(settings.proxies().trustedKeys()));
        WebsocketSettings ws = settings.websocket();
        MqttSettings mqtt = settings.mqtt();
        boolean wsMapping = ws.tls() != null && ws.tls().verify().map();
        SecurityPolicy websocket = ws.enabled()
                ? listenerPolicy(base, configuration.withCertificateMapping(wsMapping), passwords, operatorMode,
                        ws.authorization(), ws.noAuthUser())
                : base;
        // As nats-server: MQTT clients are mapped from their certificate by the mqtt block's verify_and_map, not
        // by the client port's.
        boolean mqttMapping = mqtt.tls() != null && mqtt.tls().verify().map();
        SecurityPolicy mqttPolicy = mqtt.enabled()
                ? listenerPolicy(base, configuration.withCertificateMapping(mqttMapping), passwords, operatorMode,
                        mqtt.authorization(), mqtt.noAuthUser())
                : base;
        return websocket == base && mqttPolicy == base ? base : new SecurityPolicy(base, websocket, mqttPolicy);
    }

    /**
     * nats-server's wsConfigAuth and mqttConfigAuth: a user, a token or a no_auth_user of the listener's own
     * override the server's for the clients of that listener; {@code base} itself when it has none and maps
     * certificates to users as the server does. Whether it does is the listener's own in nats-server (its
     * {@code tls { verify_and_map }}), which {@code configuration} carries.
     */
    private static SecurityPolicy listenerPolicy(SecurityPolicy base, AuthConfiguration configuration,
            PasswordVerifier passwords, OperatorAuthentication operatorMode, SimpleAuthSettings auth,
            String noAuthUser) {
        boolean ownMapping = configuration.certificateMapping() != base.authenticator.configuration()
                .certificateMapping();
        if (isEmpty(auth.user()) && isEmpty(auth.token()) && isEmpty(noAuthUser)) {
            return ownMapping ? new SecurityPolicy(base, new Authenticator(configuration, passwords, operatorMode),
                    base.authTimeout, false) : base;
        }
        AuthConfiguration own = configuration.withSingleUser(orEmpty(auth.user()), orEmpty(auth.password()))
                .withToken(orEmpty(auth.token())).withNoAuthUser(orEmpty(noAuthUser)).withProxyRequired(false);
        Duration timeout = auth.timeout() == null || auth.timeout().isZero() || auth.timeout().isNegative()
                ? base.authTimeout : auth.timeout();
        // As in nats-server, trusted operators require a user JWT of every client, the listener's users or not.
        return new SecurityPolicy(base, new Authenticator(own, passwords, operatorMode), timeout, true);
    }

    /** The policy clients that came by {@code transport} are authenticated by. */
    public SecurityPolicy forTransport(ConnectionType transport) {
        return switch (transport) {
            case WEBSOCKET -> websocket;
            case MQTT, MQTT_WS -> mqtt;
            default -> this;
        };
    }

    /**
     * What INFO says in {@code auth_required} to clients under this policy: nats-server tells a client it need not
     * authenticate when a {@code no_auth_user} would take it in, but a listener override always requires it.
     */
    public boolean advertisesAuthRequiredToClients() {
        return override || advertisesAuthRequired();
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** Whether a client must authenticate in CONNECT (and may send nothing else before it). */
    public boolean authRequired() {
        return authenticator.authRequired();
    }

    /**
     * What INFO says in {@code auth_required}: nats-server tells a client it need not authenticate when a
     * {@code no_auth_user} would take it in, unless that user is the one it invented.
     */
    public boolean advertisesAuthRequired() {
        String noAuthUser = authenticator.configuration().noAuthUser();
        return authRequired() && (noAuthUser.isEmpty() || InventedNoAuthUser.is(noAuthUser));
    }

    /**
     * Whether a client may send operations before CONNECT and become the {@code no_auth_user}: nats-server allows it
     * when that user is a username user, not an nkey.
     */
    public boolean letsInWithoutConnect() {
        String noAuthUser = authenticator.configuration().noAuthUser();
        return !noAuthUser.isEmpty()
                && authenticator.configuration().users().stream().anyMatch(user -> user.username().equals(noAuthUser));
    }

    /** How long a client has to send CONNECT when it must authenticate. */
    public Duration authTimeout() {
        return authTimeout;
    }

    /**
     * The account a configured user belongs to now, looked up by nkey when one is given, else by user name; null
     * when no such user is configured.
     */
    public String accountOf(String nkey, String username) {
        AuthConfiguration configuration = authenticator.configuration();
        if (!nkey.isEmpty()) {
            return configuration.nkeyUsers().stream().filter(user -> user.nkey().encoded().equals(nkey))
                    .map(NKeyUser::account).findFirst().orElse(null);
        }
        return configuration.users().stream().filter(user -> user.username().equals(username))
                .map(User::account).findFirst().orElse(null);
    }

    /**
     * Whether the configuration holds a password in plain text (the single user's, or any user's): nats-server warns
     * about it at start. Tokens do not count, nor users without a password under {@code verify_and_map}, as in
     * nats-server.
     */
    public boolean hasPlaintextPasswords() {
        AuthConfiguration configuration = authenticator.configuration();
        if (!configuration.password().isEmpty() && !Passwords.isBcrypt(configuration.password())) {
            return true;
        }
        // Users found from certificates need no password: nats-server skips those without one.
        return configuration.users().stream()
                .filter(user -> !(configuration.certificateMapping() && user.password().isEmpty()))
                .filter(user -> !InventedNoAuthUser.is(user.username()))
                .anyMatch(user -> !Passwords.isBcrypt(user.password()));
    }

    /** The proxies that may vouch for the clients they relay ({@code proxies { trusted }}). */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /** A new nonce for INFO when nkey users or trusted proxies need one to sign, else null. */
    public String nextNonce() {
        return authenticator.nonceRequired() || trustedProxies.any() ? nonces.next() : null;
    }
}
