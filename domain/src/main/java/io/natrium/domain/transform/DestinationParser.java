package io.natrium.domain.transform;

import io.natrium.domain.transform.InvalidMappingException.Reason;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one token of a destination pattern: a literal, a legacy {@code $n} wildcard reference, or a mapping function in
 * double braces such as {@code {{Partition(3, 1, 2)}}}. It reproduces nats-server's {@code indexPlaceHolders} closely,
 * quirks included, because users carry their configurations over: function names are matched with only their
 * word-initial letters case-insensitive ({@code splitfromleft} and {@code SplitFromLeft}, not {@code SPLITFROMLEFT});
 * the pattern is searched for anywhere inside a token that starts with two opening braces and ends with two closing
 * ones; arguments are split on a comma and the whitespace after it, trimmed of spaces only, and numbers are read as
 * Go's {@code strconv} does.
 */
final class DestinationParser {

    /** Go's {@code \s}: unlike Java's it leaves out the vertical tab. */
    private static final String WHITESPACE = "[\\t\\n\\f\\r ]";
    private static final Pattern ARGUMENT_SEPARATOR = Pattern.compile("," + WHITESPACE + "*");

    /** What a destination token asks for. */
    enum Kind {
        LITERAL(null),
        // Searched in nats-server's order, which decides the odd token that contains two function calls.
        WILDCARD("Wildcard"),
        PARTITION("Partition"),
        SPLIT_FROM_LEFT("SplitFromLeft"),
        SPLIT_FROM_RIGHT("SplitFromRight"),
        SLICE_FROM_LEFT("SliceFromLeft"),
        SLICE_FROM_RIGHT("SliceFromRight"),
        RIGHT("Right"),
        LEFT("Left"),
        SPLIT("Split"),
        RANDOM("Random");

        private final Pattern pattern;

        Kind(String name) {
            this.pattern = name == null ? null : functionPattern(name);
        }

        /** The arguments of this function if the token calls it, split but not trimmed; null if it does not. */
        String[] arguments(String token) {
            Matcher matcher = pattern.matcher(token);
            return matcher.find() ? ARGUMENT_SEPARATOR.split(matcher.group(1), -1) : null;
        }

        /**
         * nats-server's {@code {{\s*[pP]artition\s*\((.*)\)\s*}}}, unanchored. UNIX_LINES makes {@code .} stop at
         * {@code \n} only, as Go's does.
         */
        private static Pattern functionPattern(String name) {
            StringBuilder regex = new StringBuilder("\\{\\{").append(WHITESPACE).append('*');
            for (char c : name.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    regex.append('[').append(c).append(Character.toLowerCase(c)).append(']');
                } else {
                    regex.append(c);
                }
            }
            regex.append(WHITESPACE).append("*\\((.*)\\)").append(WHITESPACE).append("*\\}\\}");
            return Pattern.compile(regex.toString(), Pattern.UNIX_LINES);
        }
    }

    /**
     * A parsed token. {@code wildcards} are the 1-based wildcard numbers the function reads (unchecked: the caller
     * knows how many the source has), {@code number} its integer argument (partitions, position, size, length or
     * ceiling), {@code delimiter} the argument of {@code Split}.
     */
    record Placeholder(Kind kind, long[] wildcards, int number, String delimiter) {

        private static final long[] NONE = new long[0];
        static final Placeholder LITERAL = new Placeholder(Kind.LITERAL, NONE, -1, "");

        static Placeholder of(Kind kind, long wildcard, int number) {
            return new Placeholder(kind, new long[] {wildcard}, number, "");
        }
    }

    private DestinationParser() {
    }

    static Placeholder parse(String token) {
        if (token.length() <= 1) {
            return Placeholder.LITERAL;
        }
        if (token.charAt(0) == '$') {
            // Anything after '$' that is not a Go integer leaves the token literal: other features use '$' tokens.
            OptionalLong index = parseInt(token.substring(1), Long.MIN_VALUE, Long.MAX_VALUE);
            return index.isPresent() ? Placeholder.of(Kind.WILDCARD, index.getAsLong(), -1) : Placeholder.LITERAL;
        }
        if (!isBraced(token)) {
            return Placeholder.LITERAL;
        }
        for (Kind kind : Kind.values()) {
            if (kind == Kind.LITERAL) {
                continue;
            }
            String[] arguments = kind.arguments(token);
            if (arguments != null) {
                return function(kind, arguments, token);
            }
        }
        throw new InvalidMappingException(Reason.UNKNOWN_FUNCTION, token);
    }

    /** True for a token shaped like a function call: two opening braces, something, two closing braces. */
    static boolean isBraced(String token) {
        return token.length() > 4 && token.startsWith("{{") && token.endsWith("}}");
    }

    /** True when the braced token calls one of the ten functions, whatever its arguments. */
    static boolean callsKnownFunction(String token) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.LITERAL && kind.pattern.matcher(token).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * nats-server's test for a wildcard reference when it reverses a transform: {@code $} and a digit 1-9, or a
     * {@code Wildcard} call with one non-empty argument.
     */
    static boolean isWildcardReference(String token) {
        if (token.length() > 1 && token.charAt(0) == '$' && token.charAt(1) >= '1' && token.charAt(1) <= '9') {
            return true;
        }
        String[] arguments = Kind.WILDCARD.arguments(token);
        return arguments != null && arguments.length == 1 && !arguments[0].isEmpty();
    }

    private static Placeholder function(Kind kind, String[] arguments, String token) {
        return switch (kind) {
            case WILDCARD -> wildcard(arguments, token);
            case PARTITION -> partition(arguments, token);
            case SPLIT -> split(arguments, token);
            case RANDOM -> random(arguments, token);
            default -> wildcardAndNumber(kind, arguments, token);
        };
    }

    private static Placeholder wildcard(String[] arguments, String token) {
        if (arguments.length == 1 && arguments[0].isEmpty()) {
            throw new InvalidMappingException(Reason.NOT_ENOUGH_ARGUMENTS, token);
        }
        if (arguments.length > 1) {
            throw new InvalidMappingException(Reason.TOO_MANY_ARGUMENTS, token);
        }
        return Placeholder.of(Kind.WILDCARD, wildcardNumber(arguments[0], token), -1);
    }

    private static Placeholder partition(String[] arguments, String token) {
        int partitions = int32Count(arguments[0], token);
        long[] wildcards = new long[arguments.length - 1];
        for (int i = 1; i < arguments.length; i++) {
            wildcards[i - 1] = wildcardNumber(arguments[i], token);
        }
        return new Placeholder(Kind.PARTITION, wildcards, partitions, "");
    }

    private static Placeholder split(String[] arguments, String token) {
        requireTwo(arguments, token);
        long wildcard = wildcardNumber(arguments[0], token);
        String delimiter = arguments[1];
        if (delimiter.contains(" ") || delimiter.contains(".")) {
            throw new InvalidMappingException(Reason.INVALID_ARGUMENT, token);
        }
        return new Placeholder(Kind.SPLIT, new long[] {wildcard}, -1, delimiter);
    }

    private static Placeholder random(String[] arguments, String token) {
        // nats-server reports any count but one as "not enough arguments", even too many.
        if (arguments.length != 1) {
            throw new InvalidMappingException(Reason.NOT_ENOUGH_ARGUMENTS, token);
        }
        return new Placeholder(Kind.RANDOM, new long[0], int32Count(arguments[0], token), "");
    }

    /** SplitFromLeft, SplitFromRight, SliceFromLeft, SliceFromRight, Left and Right: (wildcard, int32). */
    private static Placeholder wildcardAndNumber(Kind kind, String[] arguments, String token) {
        requireTwo(arguments, token);
        long wildcard = wildcardNumber(arguments[0], token);
        OptionalLong number = parseInt(trimSpaces(arguments[1]), Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (number.isEmpty()) {
            throw new InvalidMappingException(Reason.INVALID_ARGUMENT, token);
        }
        return Placeholder.of(kind, wildcard, (int) number.getAsLong());
    }

    private static void requireTwo(String[] arguments, String token) {
        if (arguments.length < 2) {
            throw new InvalidMappingException(Reason.NOT_ENOUGH_ARGUMENTS, token);
        }
        if (arguments.length > 2) {
            throw new InvalidMappingException(Reason.TOO_MANY_ARGUMENTS, token);
        }
    }

    private static long wildcardNumber(String argument, String token) {
        OptionalLong number = parseInt(trimSpaces(argument), Long.MIN_VALUE, Long.MAX_VALUE);
        if (number.isEmpty()) {
            throw new InvalidMappingException(Reason.INVALID_ARGUMENT, token);
        }
        return number.getAsLong();
    }

    /**
     * The count of Partition and Random: any Go int up to the int32 maximum, then narrowed to int32 as nats-server
     * does (so a large negative count wraps; zero and negative counts are accepted, see the functions).
     */
    private static int int32Count(String argument, String token) {
        OptionalLong number = parseInt(trimSpaces(argument), Long.MIN_VALUE, Long.MAX_VALUE);
        if (number.isEmpty() || number.getAsLong() > Integer.MAX_VALUE) {
            throw new InvalidMappingException(Reason.INVALID_ARGUMENT, token);
        }
        return (int) number.getAsLong();
    }

    /** Go's {@code strings.Trim(s, " ")}: spaces only, not tabs. */
    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * Go's {@code strconv.Atoi} / {@code ParseInt(s, 10, bits)}: an optional sign, then ASCII digits only (no
     * underscores, no other scripts' digits, which {@code Long.parseLong} would accept), within range.
     */
    static OptionalLong parseInt(String text, long min, long max) {
        int first = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (first == text.length()) {
            return OptionalLong.empty();
        }
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            long value = Long.parseLong(text);
            return value < min || value > max ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }
}
