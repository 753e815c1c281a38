package io.natrium.domain.sublist;

/** A subscription filter the sublist cannot hold: an empty token, a {@code >} before the end, or whitespace. */
public final class InvalidSubjectException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSubjectException(String subject) {
        super("invalid subject: \"" + subject + "\"");
    }
}
