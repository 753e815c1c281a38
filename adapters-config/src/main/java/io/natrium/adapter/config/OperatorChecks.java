package io.natrium.adapter.config;

import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.OperatorClaims;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.List;

/**
 * nats-server's {@code validateTrustedOperators}, in its order and words: what operator mode forbids beside it
 * (accounts and users of the config, trusted keys with operators), the system account of config and JWT agreeing,
 * the version an operator asserts, and pinned accounts being account keys.
 */
final class OperatorChecks {

    /** The version whose behaviour Natrium reproduces, which an operator's {@code assert_server_version} meets. */
    private static final int[] SERVER_VERSION = {2, 9, 10};

    private OperatorChecks() {
    }

    /** The system account: the config's, or with one operator and none in the config, the operator JWT's. */
    static String systemAccount(ServerSettings settings) {
        String named = settings.accounts().systemAccount();
        if (named != null && !named.isEmpty() || !settings.operator().enabled()) {
            return named;
        }
        List<OperatorClaims> operators = operators(settings.operator());
        return operators.size() == 1 && !operators.get(0).systemAccount().isEmpty()
                ? operators.get(0).systemAccount() : named;
    }

    /** The operator JWTs, which the mapper decoded once already (reporting those that are none). */
    private static List<OperatorClaims> operators(OperatorSettings settings) {
        List<OperatorClaims> operators = new ArrayList<>();
        for (String jwt : settings.operators()) {
            operators.add(JwtDecoder.decodeOperator(jwt));
        }
        return operators;
    }

    static void validate(ServerSettings settings, List<String> errors) {
        OperatorSettings operator = settings.operator();
        if (operator.operators().isEmpty()) {
            return;
        }
        if (operator.resolver() == null) {
            List<OperatorClaims> operators = operators(operator);
            if (operators.size() == 1 && !operators.get(0).accountServerUrl().isEmpty()) {
                // The operator's account server is the resolver: a URL resolver.
                return;
            }
            errors.add("operators require an account resolver to be configured");
            return;
        }
        if (!settings.accounts().accounts().isEmpty()) {
            errors.add("operators do not allow Accounts to be configured directly");
            return;
        }
        if (!settings.authorization().users().isEmpty()) {
            errors.add("operators do not allow users to be configured directly");
            return;
        }
        if (!operator.trustedKeys().isEmpty()) {
            errors.add("conflicting options for 'TrustedKeys' and 'TrustedOperators'");
            return;
        }
        List<OperatorClaims> operators = operators(operator);
        String configured = settings.accounts().systemAccount();
        if (configured != null && !configured.isEmpty()) {
            boolean nonEmpty = operators.stream().anyMatch(claims -> !claims.systemAccount().isEmpty());
            boolean same = operators.stream().anyMatch(claims -> claims.systemAccount().equals(configured));
            if (nonEmpty && !same) {
                errors.add("system_account in config and operator JWT must be identical");
                return;
            }
        }
        for (OperatorClaims claims : operators) {
            String problem = versionProblem(claims);
            if (problem != null) {
                errors.add(problem);
                return;
            }
        }
        List<String> pinned = operator.resolverPinnedAccounts();
        for (String key : pinned == null ? List.<String>of() : pinned) {
            if (!AuthCalloutMapper.isKey(key, NKeyType.ACCOUNT)) {
                errors.add("pinned account key " + GoStrings.quote(key) + " is not a valid public account nkey");
                return;
            }
        }
        if (settings.authorization().callout() != null) {
            errors.add("operators do not allow authorization callouts to be configured directly");
        }
    }

    /** nats-server's comparison of {@code assert_server_version} with its own version. */
    private static String versionProblem(OperatorClaims claims) {
        String asserted = claims.assertServerVersion();
        String subject = claims.data().subject();
        if (asserted.isEmpty()) {
            return null;
        }
        String[] parts = asserted.split("\\.", -1);
        if (parts.length != 3) {
            return "operator " + subject + " expects version " + asserted + " got error instead: asserted server "
                    + "version must be of the form <major>.<minor>.<update>";
        }
        int[] version = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                version[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException notANumber) {
                return "operator " + subject + " expects version " + asserted + " got error instead: asserted "
                        + "server version cant parse " + parts[i] + " to int";
            }
            if (version[i] < 0) {
                return "operator " + subject + " expects version " + asserted + " got error instead: asserted "
                        + "server version can'b contain negative values: " + asserted;
            }
        }
        String[] names = {"major", "minor", "update"};
        for (int i = 0; i < 3; i++) {
            if (version[i] > SERVER_VERSION[i]) {
                return "operator " + subject + " expected " + names[i] + " version " + version[i] + " > server "
                        + names[i] + " version " + SERVER_VERSION[i];
            }
            if (SERVER_VERSION[i] > version[i]) {
                return null;
            }
        }
        return null;
    }
}
