package io.natrium.application.security;

import io.natrium.application.settings.OperatorSettings;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.jwt.OperatorClaims;
import io.natrium.domain.jwt.ValidationIssue;
import io.natrium.domain.text.GoStrings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What nats-server logs of operator mode at start: each trusted operator ({@code Trusted Operators}, its audience,
 * name, issue and expiry times), the missing system account, and the preloaded account JWTs that do not decode
 * ({@code Preloaded account [X] not valid}) or that the JWT library finds unusable ({@code Account [X] has
 * validation issues:} and each issue).
 */
public final class OperatorStartupLog {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorStartupLog.class);
    /** Go's {@code time.Time} printed with {@code %v}, in the local zone. */
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");

    private OperatorStartupLog() {
    }

    /**
     * @param systemAccount the system account in force (the config's, else the operator's); empty for none
     */
    public static void log(OperatorSettings operator, String systemAccount, Instant now) {
        List<OperatorClaims> operators = operator.enabled() ? OperatorTrust.operators(operator) : List.of();
        if (operators.isEmpty()) {
            return;
        }
        LOG.info("Trusted Operators");
        for (OperatorClaims claims : operators) {
            LOG.info("  System  : {}", GoStrings.quote(claims.data().audience()));
            LOG.info("  Operator: {}", GoStrings.quote(claims.data().name()));
            LOG.info("  Issued  : {}", goTime(claims.data().issuedAt()));
            LOG.info("  Expires : {}", claims.data().expires() == 0 ? "Never" : goTime(claims.data().expires()));
        }
        if (systemAccount == null || systemAccount.isEmpty()) {
            LOG.warn("Trusted Operators should utilize a System Account");
        }
        for (Map.Entry<String, String> preload : operator.resolverPreload().entrySet()) {
            for (String line : preloadProblems(preload.getKey(), preload.getValue(), now.getEpochSecond())) {
                if (line.startsWith("Preloaded")) {
                    LOG.error(line);
                } else {
                    LOG.warn(line);
                }
            }
        }
    }

    /** nats-server's {@code checkResolvePreloads} of one account: the lines it logs, none for a usable JWT. */
    static List<String> preloadProblems(String key, String jwt, long now) {
        AccountClaims account;
        try {
            account = JwtDecoder.decodeAccount(jwt);
        } catch (JwtException invalid) {
            return List.of("Preloaded account [" + key + "] not valid");
        }
        List<ValidationIssue> issues = account.issues(now);
        if (issues.stream().noneMatch(ValidationIssue::refuses)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Account [" + key + "] has validation issues:");
        issues.forEach(issue -> lines.add("  - " + issue.description()));
        return lines;
    }

    private static String goTime(long epochSecond) {
        return GO_TIME.format(Instant.ofEpochSecond(epochSecond).atZone(ZoneId.systemDefault()));
    }
}
