package io.natrium.domain.jwt;

/**
 * One finding of the JWT library's {@code Validate}: an error (blocking), a warning, or a time check (the claim is
 * expired or not yet valid), in the library's words.
 */
public record ValidationIssue(String description, boolean blocking, boolean timeCheck) {

    static ValidationIssue error(String description) {
        return new ValidationIssue(description, true, false);
    }

    static ValidationIssue warning(String description) {
        return new ValidationIssue(description, false, false);
    }

    static ValidationIssue timeCheck(String description) {
        return new ValidationIssue(description, false, true);
    }

    /** The library's {@code IsBlocking(true)}: an error or a time check makes the claim unusable. */
    public boolean refuses() {
        return blocking || timeCheck;
    }
}
