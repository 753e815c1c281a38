package io.natrium.embedded;

import java.util.List;

/** The configuration cannot be used: its errors as nats-server words them, one per line. */
public final class NatriumConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    NatriumConfigurationException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
