package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request to delete accounts from a directory resolver: a generic claim whose {@code nats.accounts} lists them,
 * signed by an operator key on its own behalf.
 *
 * @param data     the registered claims
 * @param accounts the accounts listed, an entry null where it is no string; null when there is no such list
 */
public record AccountDeletion(ClaimsData data, List<String> accounts) {

    public AccountDeletion {
        accounts = accounts == null ? null : Collections.unmodifiableList(new ArrayList<>(accounts));
    }
}
