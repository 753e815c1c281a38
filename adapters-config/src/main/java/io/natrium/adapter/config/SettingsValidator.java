package io.natrium.adapter.config;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.LimitSettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ResolverType;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.SimpleAuthSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.application.settings.WebsocketSettings;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoStrings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * nats-server's {@code validateOptions}, on the final settings (file and command line together): the checks that
 * concern several options at once. Errors have no position, as in nats-server.
 */
final class SettingsValidator {

    static final String SERVER_NAME_HAS_SPACES = "server name cannot contain spaces";

    private SettingsValidator() {
    }

    static void validate(ServerSettings settings, List<String> errors, List<String> warnings) {
        if (!settings.lameDuckDuration().isZero()
                && settings.lameDuckGracePeriod().compareTo(settings.lameDuckDuration()) >= 0) {
            errors.add("lame duck grace period (" + GoDurations.format(settings.lameDuckGracePeriod())
                    + ") should be strictly lower than lame duck duration ("
                    + GoDurations.format(settings.lameDuckDuration()) + ")");
        }
        if (settings.maxPayload() > settings.maxPending()) {
            errors.add("max_payload (" + settings.maxPayload() + ") cannot be higher than max_pending ("
                    + settings.maxPending() + ")");
        }
        if (settings.serverName() != null && settings.serverName().contains(" ")) {
            errors.add(SERVER_NAME_HAS_SPACES);
        }
        // nats-server validates the operators before it resolves the system account (which they may name).
        int before = errors.size();
        OperatorChecks.validate(settings, errors);
        if (errors.size() == before) {
            systemAccount(settings, errors);
        }
        List<UserSettings> users = users(settings);
        noAuthUser(settings, users, settings.accounts().noAuthUser(), errors);
        websocket(settings, users, errors);
        mqtt(settings, users, errors);
        authCallout(settings, errors);
        if (settings.maxPayload() > LimitSettings.MAX_PAYLOAD_WARNING_SIZE) {
            warnings.add("Maximum payloads over 8.00 MB are generally discouraged and could lead to poor performance");
        }
    }

    /**
     * A {@code system_account} other than {@code $SYS} must be configured: nats-server's start fails with this text
     * (its {@code -t} passes, as it does for the other checks nats-server makes only at start).
     */
    private static void systemAccount(ServerSettings settings, List<String> errors) {
        String named = OperatorChecks.systemAccount(settings);
        if (named == null || named.isEmpty() || named.equals(AccountsSettings.DEFAULT_SYSTEM_ACCOUNT)) {
            return;
        }
        // In operator mode the memory resolver's accounts are there too; the other resolvers' are read or fetched at
        // start, and an operator's account server is a URL resolver.
        ResolverSettings resolver = settings.operator().resolver();
        if (resolver != null && resolver.type() != ResolverType.MEMORY || settings.operator().enabled()
                && resolver == null) {
            return;
        }
        if (settings.accounts().accounts().stream().noneMatch(account -> account.name().equals(named))
                && !settings.operator().resolverPreload().containsKey(named)) {
            errors.add("error resolving system account: account missing");
        }
    }

    /** Every user: the authorization block's and every account's. */
    static List<UserSettings> users(ServerSettings settings) {
        List<UserSettings> users = new ArrayList<>(settings.authorization().users());
        settings.accounts().accounts().forEach(account -> users.addAll(account.users()));
        return users;
    }

    private static void noAuthUser(ServerSettings settings, List<UserSettings> users, String noAuthUser,
            List<String> errors) {
        if (noAuthUser == null || noAuthUser.isEmpty()) {
            return;
        }
        if (settings.operator().enabled()) {
            errors.add("no_auth_user not compatible with Trusted Operator");
        } else if (users.isEmpty()) {
            errors.add("no_auth_user: \"" + noAuthUser + "\" present, but users/nkeys are not defined");
        } else if (users.stream().noneMatch(user -> noAuthUser.equals(user.identity()))) {
            errors.add("no_auth_user: \"" + noAuthUser
                    + "\" not present as user or nkey in authorization block or account configuration");
        }
    }

    private static void websocket(ServerSettings settings, List<UserSettings> users, List<String> errors) {
        WebsocketSettings websocket = settings.websocket();
        if (!websocket.enabled()) {
            return;
        }
        if (websocket.tls() == null && !websocket.noTls()) {
            errors.add("websocket requires TLS configuration");
        }
        websocket.allowedOrigins().forEach(origin -> origin(origin, errors));
        noAuthUser(settings, users, websocket.noAuthUser(), errors);
        listenerAuth("websocket", websocket.authorization(), users, errors);
        String jwtCookie = websocket.cookies().jwt();
        if (jwtCookie != null && !jwtCookie.isEmpty() && !settings.operator().enabled()) {
            errors.add("trusted operators or trusted keys configuration is required for JWT authentication via "
                    + "cookie " + GoStrings.quote(jwtCookie));
        }
        websocket.headers().keySet().stream().sorted().forEach(header -> responseHeader(header, errors));
    }

    /** nats-server (2.10+) keeps the headers the upgrade itself needs out of the configured extra ones. */
    private static void responseHeader(String header, List<String> errors) {
        String lower = header.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "host", "content-length", "connection", "upgrade", "nats-no-masking" ->
                    errors.add("websocket: invalid header " + GoStrings.quote(header) + " not allowed");
            default -> {
                if (lower.startsWith("sec-websocket-")) {
                    errors.add("websocket: invalid header " + GoStrings.quote(header)
                            + ", \"Sec-WebSocket-\" prefix not allowed");
                }
            }
        }
    }

    private static void origin(String origin, List<String> errors) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add("unable to parse allowed origin " + GoStrings.quote(origin)
                        + ": allowed origins must be absolute URLs with http or https scheme");
            } else if (uri.getHost() == null) {
                errors.add("unable to parse allowed origin " + GoStrings.quote(origin) + ": host is required");
            }
        } catch (URISyntaxException e) {
            errors.add("unable to parse allowed origin: " + e.getMessage());
        }
    }

    private static void mqtt(ServerSettings settings, List<UserSettings> users, List<String> errors) {
        MqttSettings mqtt = settings.mqtt();
        if (!mqtt.enabled()) {
            return;
        }
        noAuthUser(settings, users, mqtt.noAuthUser(), errors);
        listenerAuth("mqtt", mqtt.authorization(), users, errors);
        if (mqtt.delivery().ackWait().isNegative()) {
            errors.add("ack wait must be a positive value");
        }
        if (mqtt.delivery().jsApiTimeout().isNegative()) {
            errors.add("JS API timeout must be a positive value");
        }
    }

    private static void listenerAuth(String listener, SimpleAuthSettings auth, List<UserSettings> users,
            List<String> errors) {
        if (users.isEmpty()) {
            return;
        }
        if (auth.user() != null && !auth.user().isEmpty()) {
            errors.add(listener + " authentication username not compatible with presence of users/nkeys");
        }
        if (auth.token() != null && !auth.token().isEmpty()) {
            errors.add(listener + " authentication token not compatible with presence of users/nkeys");
        }
    }

    private static void authCallout(ServerSettings settings, List<String> errors) {
        if (settings.authorization().callout() == null) {
            return;
        }
        List<String> names = settings.accounts().accounts().stream().map(AccountSettings::name).toList();
        for (String account : settings.authorization().callout().allowedAccounts()) {
            if (!names.contains(account)) {
                errors.add("auth_callout allowed account " + GoStrings.quote(account)
                        + " not found in configured accounts");
            }
        }
    }
}
