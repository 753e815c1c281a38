package io.natrium.bootstrap.check;

import io.natrium.adapter.config.LoadedConfiguration;
import io.natrium.application.security.OperatorTrust;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.jwt.OperatorAuthentication;
import io.natrium.domain.jwt.UserClaims;
import io.natrium.domain.jwt.UserJwtCheck;
import io.natrium.domain.text.GoStrings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code natrium check --jwt TOKEN|FILE} or {@code --creds FILE}: what a user JWT says and whether it is valid now,
 * in the JWT library's words; with {@code -c FILE} of an operator-mode configuration, also whether that server would
 * let the client in (the nonce signed with the creds file's seed), refused in nats-server's words.
 */
final class JwtCheck {

    static final String USAGE = """
            Usage: natrium check (--jwt TOKEN|FILE | --creds FILE) [-c FILE]

            Decodes a user JWT (or a creds file's) offline: its claims, and whether it is valid now
            (signature, expiry, the JWT library's checks). With -c, an operator-mode configuration, it is
            also decided as that server would decide a client presenting it, the nonce signed with the
            creds file's seed.

            Exit status: 0 valid (and let in), 1 not valid (or refused), 2 usage or file errors""";

    private static final String NONCE = "natrium-check-nonce";

    private JwtCheck() {
    }

    /** True when the arguments ask about a JWT rather than a configured client. */
    static boolean asked(List<String> args) {
        return args.stream().anyMatch(arg -> option(arg).equals("-jwt") || option(arg).equals("-creds"));
    }

    /** Loads a configuration file as the server does. */
    interface Loader {
        LoadedConfiguration load(String file) throws CheckException;
    }

    /** The lines to print; {@code exit[0]} gets the exit status. */
    static List<String> run(List<String> args, Loader loader, int[] exit) throws CheckException {
        String token = null;
        String configFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String value = equals > 0 ? arg.substring(equals + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
                throw new CheckException("missing value for " + arg);
            }
            switch (option(arg)) {
                case "-jwt" -> token = value.startsWith("ey") ? value : read(value);
                case "-creds" -> token = read(value);
                case "-c", "-config" -> configFile = value;
                default -> throw new CheckException("unknown option " + arg + " with --jwt or --creds");
            }
        }
        if (token == null) {
            throw new CheckException("missing --jwt or --creds");
        }
        Instant now = Instant.now();
        UserJwtCheck check = UserJwtCheck.of(token, now.getEpochSecond());
        List<String> lines = describe(check);
        boolean allowed = check.valid();
        if (configFile != null) {
            LoadedConfiguration loaded = loader.load(configFile);
            if (!loaded.errorsBesidesRefusals().isEmpty()) {
                throw new CheckException("configuration: " + String.join("; ", loaded.errorsBesidesRefusals()));
            }
            OperatorAuthentication server = OperatorTrust.authentication(loaded.settings(),
                    Clock.systemDefaultZone());
            if (server == null) {
                throw new CheckException(configFile + " trusts no operator: user JWTs are not used there");
            }
            AuthDecision decision = server.authenticate(new ClientCredentials("", "", "", "",
                    check.signature(NONCE), check.jwt()), ConnectionType.STANDARD, NONCE);
            if (decision instanceof AuthDecision.Authenticated in) {
                lines.add("server: let in, account " + GoStrings.quote(in.account()));
            } else {
                allowed = false;
                lines.add("server: refused: " + ((AuthDecision.Rejected) decision).description());
            }
        }
        exit[0] = allowed ? CheckCommand.EXIT_ALLOWED : CheckCommand.EXIT_DENIED;
        return lines;
    }

    private static List<String> describe(UserJwtCheck check) {
        List<String> lines = new ArrayList<>();
        UserClaims claims = check.claims();
        if (claims == null) {
            lines.add("User JWT not valid: " + check.problem());
            return lines;
        }
        lines.add("user " + GoStrings.quote(claims.data().name()) + " " + claims.data().subject() + " of account "
                + claims.account() + ", issued by " + claims.data().issuer());
        lines.add("issued " + Instant.ofEpochSecond(claims.data().issuedAt()) + ", expires "
                + (claims.data().expires() == 0 ? "never" : Instant.ofEpochSecond(claims.data().expires())));
        lines.add(check.valid() ? "valid now" : "not valid: " + check.problem());
        if (check.seed() != null) {
            lines.add(check.seedIsTheUsers() ? "seed: the user's key"
                    : "seed: not the user's key, its signatures do not verify");
        }
        lines.add("claims: " + check.decodedJson());
        return lines;
    }

    private static String read(String file) throws CheckException {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new CheckException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The option's name with one dash, as Go's flag package reads one or two. */
    private static String option(String arg) {
        int equals = arg.indexOf('=');
        String name = equals > 0 ? arg.substring(0, equals) : arg;
        return name.startsWith("--") ? name.substring(1) : name;
    }
}
