package io.natrium.domain.account;

import java.util.List;

/**
 * Account definitions that do not fit together. {@link #errors()} lists every problem found, each with the text
 * nats-server prints for it after the file position, e.g. {@code Error adding stream import "a.>": stream import not
 * authorized}, in the order nats-server would meet them with the accounts in the given order.
 */
public final class AccountGraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public AccountGraphException(List<String> errors) {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an account graph exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in nats-server's words. */
    public List<String> errors() {
        return errors;
    }
}
