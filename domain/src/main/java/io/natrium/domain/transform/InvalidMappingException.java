package io.natrium.domain.transform;

import io.natrium.domain.text.GoStrings;

/**
 * A subject transform or mapping that cannot be built. The message is exactly the text nats-server gives for the same
 * input (its {@code ErrInvalidMappingDestination} family in {@code server/errors.go}, {@code ErrBadSubject}, and the
 * weight and duplicate errors of {@code AddWeightedMappings}), so that adapters can show it unchanged;
 * {@link #reason()} says which error it is without parsing the text.
 */
public final class InvalidMappingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private static final String DESTINATION_PREFIX = "invalid mapping destination: ";

    /** What is wrong; each constant carries nats-server's text. */
    public enum Reason {
        /** A source or destination that is not a valid subject ({@code ErrBadSubject}). */
        INVALID_SUBJECT("invalid subject", false),
        INVALID_TRANSFORM("invalid transform", true),
        NOT_USING_ALL_WILDCARDS("not using all of the token wildcard(s)", true),
        UNKNOWN_FUNCTION("unknown function", true),
        INDEX_OUT_OF_RANGE("wildcard index out of range", true),
        NOT_ENOUGH_ARGUMENTS("not enough arguments passed to the function", true),
        INVALID_ARGUMENT("function argument is invalid or in the wrong format", true),
        TOO_MANY_ARGUMENTS("too many arguments passed to the function", true),
        NOT_SUPPORTED_FOR_IMPORT("the only mapping function allowed for import transforms is {{Wildcard()}}", true),
        /** The same destination subject twice in one weighted mapping; the detail is that subject. */
        DUPLICATE_ENTRY("duplicate entry for", false),
        INDIVIDUAL_WEIGHT_TOO_HIGH("individual weights need to be <= 100", false),
        TOTAL_WEIGHT_TOO_HIGH("total weight needs to be <= 100", false);

        private final String text;
        private final boolean destinationError;

        Reason(String text, boolean destinationError) {
            this.text = destinationError ? DESTINATION_PREFIX + text : text;
            this.destinationError = destinationError;
        }

        /** nats-server's text without the detail, e.g. {@code invalid mapping destination: unknown function}. */
        public String text() {
            return text;
        }

        /** True for the errors nats-server wraps in {@code ErrInvalidMappingDestination}. */
        public boolean isInvalidMappingDestination() {
            return destinationError;
        }

        String message(String detail) {
            // nats-server quotes the duplicated subject with Go's %q, as the permission texts quote theirs.
            if (this == DUPLICATE_ENTRY) {
                return text + " " + GoStrings.quote(detail);
            }
            // nats-server's mappingDestinationErr prints "<error> in <token>", or the bare error without a token.
            return detail.isEmpty() ? text : text + " in " + detail;
        }
    }

    private final Reason reason;
    private final String detail;

    InvalidMappingException(Reason reason) {
        this(reason, "");
    }

    InvalidMappingException(Reason reason, String detail) {
        super(reason.message(detail));
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The destination token (or duplicated subject) the error is about; empty when nats-server names none. */
    public String detail() {
        return detail;
    }
}
