package io.natrium.domain.account;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who may import an export (nats-server's {@code exportAuth}, config part: no activation tokens).
 *
 * <ul>
 *   <li>no accounts and no token position: public, every account may import;</li>
 *   <li>a token position {@code n} (1-based): an account may import a subject whose {@code n}th token is its own
 *       name, which lets one export serve every account on its own subjects ({@code account_token_position}). The
 *       export's subject must have a {@code *} there; the position takes precedence over the account list;</li>
 *   <li>otherwise: exactly the named accounts.</li>
 * </ul>
 *
 * @param accounts             the accounts allowed to import; empty for none named
 * @param accountTokenPosition the 1-based subject token that must equal the importer's name; 0 for none
 */
public record ExportAuthorization(Set<String> accounts, int accountTokenPosition) {

    /** Every account may import. */
    public static final ExportAuthorization PUBLIC = new ExportAuthorization(Set.of(), 0);

    public ExportAuthorization {
        // Kept in the given order so that messages and equality do not depend on hashing.
        accounts = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(accounts)));
        if (accountTokenPosition < 0) {
            throw new IllegalArgumentException("accountTokenPosition must be 0 or more: " + accountTokenPosition);
        }
    }

    /** Only the named accounts may import. */
    public static ExportAuthorization forAccounts(Collection<String> accounts) {
        return new ExportAuthorization(new LinkedHashSet<>(accounts), 0);
    }

    /** The account named by the given 1-based token of the imported subject may import. */
    public static ExportAuthorization byTokenPosition(int position) {
        return new ExportAuthorization(Set.of(), position);
    }

    public boolean isPublic() {
        return accounts.isEmpty() && accountTokenPosition == 0;
    }

    /**
     * nats-server's {@code checkAuth} for an account importing {@code importSubject} (a subject within the export).
     * With a token position, that token of the import subject must be the importer's name: importing the export's
     * own subject, which has {@code *} there, is not authorized, as in nats-server.
     */
    public boolean authorizes(String importerAccount, String importSubject) {
        if (isPublic()) {
            return true;
        }
        if (accountTokenPosition > 0) {
            if (accountTokenPosition > Subject.tokenCount(importSubject)) {
                return false;
            }
            String token = Subject.token(importSubject, accountTokenPosition - 1);
            return !token.equals(SubjectFilter.SINGLE_WILDCARD) && !token.equals(SubjectFilter.FULL_WILDCARD)
                    && token.equals(importerAccount);
        }
        return accounts.contains(importerAccount);
    }

    /**
     * True when this position may be used on {@code exportSubject}: nats-server's {@code setExportAuth} wants a
     * {@code *} at that token (its {@code sublist: invalid subject} otherwise).
     */
    boolean fitsSubject(String exportSubject) {
        return accountTokenPosition == 0 || accountTokenPosition <= Subject.tokenCount(exportSubject)
                && Subject.token(exportSubject, accountTokenPosition - 1).equals(SubjectFilter.SINGLE_WILDCARD);
    }

    /**
     * This authorization after the same subject is exported again with {@code later} (nats-server keeps one entry per
     * subject and updates it): a public re-export changes nothing, otherwise the accounts add up and the later token
     * position replaces the earlier one.
     */
    ExportAuthorization mergedWith(ExportAuthorization later) {
        if (later.isPublic()) {
            return this;
        }
        Set<String> merged = new LinkedHashSet<>(accounts);
        merged.addAll(later.accounts);
        return new ExportAuthorization(merged, later.accountTokenPosition);
    }
}
