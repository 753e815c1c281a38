package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a scoped signing key's template for one user as nats-server's {@code processUserPermissionsTemplate} does.
 * A subject token {@code {{name()}}}, {@code {{subject()}}}, {@code {{account-name()}}}, {@code {{account-subject()}}}
 * becomes the user's name, key, the account's name, the user's {@code issuer_account}; {@code {{tag(x)}}} and
 * {@code {{account-tag(x)}}} become every value of the user's (account's) tags {@code x:value}, one subject per
 * combination. An unknown placeholder, or a result that is not a valid subject, drops an allow entry and refuses
 * the user for a deny entry; an allow list emptied this way denies everything in its direction.
 */
public final class ScopeTemplates {

    private ScopeTemplates() {
    }

    public static UserPermissionLimits apply(UserPermissionLimits template, UserClaims user, AccountClaims account) {
        JwtPermissions permissions = template.permissions();
        SubjectRules publish = apply(permissions.publish(), user, account);
        SubjectRules subscribe = apply(permissions.subscribe(), user, account);
        return template.withPermissions(new JwtPermissions(publish, subscribe, permissions.response()));
    }

    private static SubjectRules apply(SubjectRules rules, UserClaims user, AccountClaims account) {
        List<String> allow = expand(rules.allow(), user, account, false);
        List<String> deny = new ArrayList<>(expand(rules.deny(), user, account, true));
        if (!rules.allow().isEmpty() && allow.isEmpty()) {
            deny.add(">");
        }
        return new SubjectRules(allow, deny);
    }

    private static List<String> expand(List<String> subjects, UserClaims user, AccountClaims account,
            boolean refuseInvalid) {
        if (subjects.stream().noneMatch(ScopeTemplates::hasPlaceholder)) {
            return subjects;
        }
        List<String> emitted = new ArrayList<>();
        for (String subject : subjects) {
            String[] tokens = subject.split("\\.", -1);
            List<List<String>> choices = new ArrayList<>();
            for (String token : tokens) {
                choices.add(values(token, user, account));
            }
            for (String candidate : combinations(choices)) {
                if (isValidSubject(candidate)) {
                    emitted.add(candidate);
                } else if (refuseInvalid) {
                    throw new JwtException("generated invalid subject");
                }
            }
        }
        return emitted;
    }

    private static boolean hasPlaceholder(String subject) {
        for (String token : subject.split("\\.", -1)) {
            if (isPlaceholder(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlaceholder(String token) {
        return token.startsWith("{{") && token.endsWith("}}") && token.length() >= 4;
    }

    /** The values one token stands for; an unmatched tag yields "" so the subject comes out invalid. */
    private static List<String> values(String token, UserClaims user, AccountClaims account) {
        if (!isPlaceholder(token)) {
            return List.of(token);
        }
        String op = token.substring(2, token.length() - 2).toLowerCase(Locale.ROOT);
        switch (op) {
            case "name()":
                return List.of(user.data().name());
            case "subject()":
                return List.of(user.data().subject());
            case "account-name()":
                return List.of(account.data().name());
            case "account-subject()":
                return List.of(user.issuerAccount());
            default:
                break;
        }
        List<String> tags = null;
        String prefix = null;
        if (op.startsWith("account-tag(") && op.endsWith(")")) {
            tags = account.tags();
            prefix = op.substring("account-tag(".length(), op.length() - 1) + ":";
        } else if (op.startsWith("tag(") && op.endsWith(")")) {
            tags = user.tags();
            prefix = op.substring("tag(".length(), op.length() - 1) + ":";
        }
        if (tags == null) {
            return List.of(" ");
        }
        List<String> found = new ArrayList<>();
        for (String tag : tags) {
            if (tag.startsWith(prefix)) {
                found.add(tag.substring(prefix.length()));
            }
        }
        return found.isEmpty() ? List.of("") : found;
    }

    private static List<String> combinations(List<List<String>> choices) {
        List<String> results = new ArrayList<>(List.of(""));
        for (int i = 0; i < choices.size(); i++) {
            List<String> next = new ArrayList<>();
            for (String prefix : results) {
                for (String value : choices.get(i)) {
                    next.add(i == 0 ? value : prefix + "." + value);
                }
            }
            results = next;
        }
        return results;
    }

    /** nats-server's {@code IsValidSubject}: non-empty tokens, no whitespace. */
    private static boolean isValidSubject(String subject) {
        if (subject.isEmpty()) {
            return false;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                return false;
            }
        }
        for (String token : subject.split("\\.", -1)) {
            if (token.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
