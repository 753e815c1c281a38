package io.natrium.domain.jwt;

/**
 * A JSON number as its literal, read as the Go field it fills: integer fields take only integer literals (no
 * fraction or exponent, even {@code 2.0}) within the field's range, as Go's {@code strconv.ParseInt} does.
 */
record JsonNumber(String literal) {

    /** The value as an integer, or null when the literal is not an integer a Go int64 holds. */
    Long asLong() {
        int start = literal.startsWith("-") ? 1 : 0;
        if (start == literal.length()) {
            return null;
        }
        for (int i = start; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    @Override
    public String toString() {
        return literal;
    }
}
