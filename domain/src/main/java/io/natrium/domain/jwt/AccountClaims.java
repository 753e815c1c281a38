package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account JWT: the account's key is the subject, the issuer its operator (or one of the operator's signing keys).
 * {@code signingKeys} maps each of the account's signing keys to its scope, or to null for an unscoped key;
 * {@code externalAuthorization} is its {@code authorization} section: an auth callout decides its users when enabled.
 */
public record AccountClaims(ClaimsData data, List<Import> imports, List<Export> exports, AccountLimits limits,
        Map<String, UserScope> signingKeys, Revocations revocations, JwtPermissions defaultPermissions,
        Map<String, List<WeightedMapping>> mappings, String description, String infoUrl, List<String> tags,
        int version, ExternalAuthorization externalAuthorization) implements Claims {

    public AccountClaims {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        signingKeys = Collections.unmodifiableMap(new LinkedHashMap<>(signingKeys));
        mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
        tags = List.copyOf(tags);
    }

    @Override
    public String type() {
        return ClaimTypes.ACCOUNT;
    }

    static AccountClaims read(ClaimsData data, JsonFields nats, List<String> tags, int version) {
        List<Import> imports = new ArrayList<>();
        for (Object item : nats.array("imports")) {
            imports.add(Import.read(item, nats.name("imports")));
        }
        List<Export> exports = new ArrayList<>();
        for (Object item : nats.array("exports")) {
            exports.add(Export.read(item, nats.name("exports")));
        }
        Map<String, List<WeightedMapping>> mappings = new LinkedHashMap<>();
        JsonFields mappingFields = nats.object("mappings");
        for (Map.Entry<String, Object> entry : mappingFields.members().entrySet()) {
            List<WeightedMapping> destinations = new ArrayList<>();
            if (entry.getValue() != null) {
                if (!(entry.getValue() instanceof List<?> items)) {
                    throw JsonFields.mismatch(entry.getValue(), "[]WeightedMapping", mappingFields.name("mappings"));
                }
                for (Object item : items) {
                    destinations.add(WeightedMapping.read(item, mappingFields.name(entry.getKey())));
                }
            }
            mappings.put(entry.getKey(), List.copyOf(destinations));
        }
        return new AccountClaims(data, imports, exports, AccountLimits.read(nats.object("limits")),
                signingKeys(nats), Revocations.read(nats, "revocations"),
                JwtPermissions.read(nats.object("default_permissions")), mappings, nats.string("description"),
                nats.string("info_url"), tags, version, ExternalAuthorization.read(nats.object("authorization")));
    }

    /** Whether the account delegates its users' authentication to an auth callout ({@code authorization}). */
    public boolean hasExternalAuthorization() {
        return externalAuthorization.enabled();
    }

    /** Signing keys are a list of keys and scope objects; only {@code user_scope} scopes exist. */
    private static Map<String, UserScope> signingKeys(JsonFields nats) {
        Map<String, UserScope> keys = new LinkedHashMap<>();
        for (Object item : nats.array("signing_keys")) {
            if (item instanceof String key) {
                keys.put(key, null);
            } else if (item instanceof Map) {
                JsonFields scope = JsonFields.of(item, nats.name("signing_keys"));
                Object kind = scope.raw("kind");
                if (!"user_scope".equals(kind)) {
                    throw new JwtException("unknown signing key scope \"" + (kind == null ? "" : kind) + "\"");
                }
                UserScope userScope = UserScope.read(scope);
                keys.put(userScope.key(), userScope);
            }
        }
        return keys;
    }

    /** True when {@code issuer} is the account's key or one of its signing keys ({@code DidSign}). */
    public boolean signedBy(String issuer) {
        return issuer.equals(data.subject()) || signingKeys.containsKey(issuer);
    }

    /** The scope of a signing key, or null for the account's own key or an unscoped signing key. */
    public UserScope scopeOf(String issuer) {
        return signingKeys.get(issuer);
    }

    /** nats-server's {@code checkUserRevoked}: the user's key or {@code *} revoked at or after its issue time. */
    public boolean isRevoked(UserClaims user) {
        return revocations.isRevoked(user.data().subject(), user.data().issuedAt());
    }

    /** The JWT library's {@code AccountClaims.Validate}: the first issue that makes nats-server refuse the JWT. */
    public void validate(long nowSeconds) {
        refuseAny(issues(nowSeconds));
    }

    /**
     * The errors of {@link #validate} other than the claim's times, which nats-server's {@code claimValidate} leaves
     * to the account's use: a resolver stores an expired account JWT pushed to it.
     */
    public void validateContent() {
        refuseAny(contentIssues());
    }

    private static void refuseAny(List<ValidationIssue> issues) {
        for (ValidationIssue issue : issues) {
            if (issue.refuses()) {
                throw new JwtException(issue.description());
            }
        }
    }

    /**
     * The issues of the JWT library's {@code AccountClaims.Validate} that Natrium checks, in the library's order
     * (its mappings and signing keys are Go maps, which it walks in random order; here in the JWT's), repeated where
     * the library reports them twice.
     */
    public List<ValidationIssue> issues(long nowSeconds) {
        List<ValidationIssue> issues = new ArrayList<>(data.timeIssues(nowSeconds));
        issues.addAll(contentIssues());
        return issues;
    }

    private List<ValidationIssue> contentIssues() {
        List<ValidationIssue> issues = new ArrayList<>();
        for (Import imported : imports) {
            if (imported.to() != null && !imported.to().isEmpty()) {
                issues.add(ValidationIssue.warning("the field to has been deprecated (use LocalSubject instead)"));
            }
        }
        mappingIssues(issues);
        issues.addAll(externalAuthorization.issues());
        boolean noLimits = limits.isEmpty();
        // The library checks the imports twice when limits are set, and reports the excess twice.
        if (!noLimits && limits.imports() >= 0 && imports.size() > limits.imports()) {
            issues.add(ValidationIssue.error("the account contains more imports than allowed by the operator"));
        }
        // As in the JWT library, absent limits (0) allow no import or export at all: only -1 means none.
        if (limits.imports() != AccountLimits.NO_LIMIT && imports.size() > limits.imports()) {
            issues.add(ValidationIssue.error("the account contains more imports than allowed by the operator"));
        }
        if (limits.exports() != AccountLimits.NO_LIMIT) {
            if (exports.size() > limits.exports()) {
                issues.add(ValidationIssue.error("the account contains more exports than allowed by the operator"));
            }
            if (!limits.wildcardExports()) {
                for (Export export : exports) {
                    if (export.subject().contains("*") || export.subject().contains(">")) {
                        issues.add(ValidationIssue.error(
                                "the account contains wildcard exports that are not allowed by the operator"));
                    }
                }
            }
        }
        for (Map.Entry<String, UserScope> key : signingKeys.entrySet()) {
            String signer = key.getValue() == null ? key.getKey() : key.getValue().key();
            if (!Keys.isAccount(signer)) {
                issues.add(ValidationIssue.error(key.getValue() == null
                        ? "\"" + signer + "\" is not a valid account signing key"
                        : signer + " is not an account public key"));
            }
        }
        if (Keys.isAccount(data.issuer()) && !noLimits) {
            issues.add(ValidationIssue.warning("self-signed account JWTs shouldn't contain operator limits"));
        }
        return issues;
    }

    private void mappingIssues(List<ValidationIssue> issues) {
        for (Map.Entry<String, List<WeightedMapping>> mapping : mappings.entrySet()) {
            // The library sums in a uint8, so weights past 255 wrap; kept, so both servers take the same JWTs.
            int total = 0;
            for (WeightedMapping destination : mapping.getValue()) {
                if (destination.subject().contains("*") || destination.subject().contains(">")) {
                    issues.add(ValidationIssue.error("Subject \"" + destination.subject() + "\" in weighted mapping \""
                            + mapping.getKey() + "\" is not allowed to contains wildcard"));
                }
                total = total + destination.effectiveWeight() & 0xFF;
            }
            if (total > 100) {
                issues.add(ValidationIssue.error("Mapping \"" + mapping.getKey() + "\" exceeds 100% among all of it's"
                        + " weighted to mappings"));
            }
        }
    }
}
