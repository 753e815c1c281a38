package io.natrium.adapter.protocol;

import io.natrium.domain.text.GoStrings;

/**
 * The syntax check Go's {@code json.Unmarshal} runs before it decodes anything ({@code checkValid}), for its error
 * text, which nats-server logs when a CONNECT or INFO from a client is not JSON: {@code invalid character 'x' after
 * top-level value}, {@code unexpected end of JSON input}. A state machine with Go's scanner's states and words.
 * Used only on the way to closing a connection.
 */
final class GoJsonSyntax {

    private static final int MAX_DEPTH = GoJsonMapper.MAX_DEPTH;

    private enum Step {
        BEGIN_VALUE_OR_EMPTY, BEGIN_VALUE, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, END_VALUE, END_TOP, IN_STRING,
        IN_STRING_ESC, IN_STRING_ESC_U, IN_STRING_ESC_U1, IN_STRING_ESC_U12, IN_STRING_ESC_U123, NEG, ONE, ZERO, DOT,
        DOT_ZERO, E, E_SIGN, E_ZERO, T, TR, TRU, F, FA, FAL, FALS, N, NU, NUL
    }

    /** What the innermost open object or array expects next. */
    private static final byte OBJECT_KEY = 0;
    private static final byte OBJECT_VALUE = 1;
    private static final byte ARRAY_VALUE = 2;

    private final byte[] open = new byte[MAX_DEPTH + 1];
    private int depth;
    private Step step = Step.BEGIN_VALUE;
    private boolean endTop;
    private String error;

    private GoJsonSyntax() {
    }

    /** Go's error for JSON it refuses, or null when Go's scanner accepts it. */
    static String error(byte[] json) {
        GoJsonSyntax scanner = new GoJsonSyntax();
        for (byte b : json) {
            if (!scanner.next(b & 0xFF)) {
                return scanner.error;
            }
        }
        return scanner.end();
    }

    /** Go's {@code eof}: a space ends a number or shows an unfinished literal; anything else open is cut short. */
    private String end() {
        if (endTop || !next(' ') || endTop) {
            return error;
        }
        return "unexpected end of JSON input";
    }

    private boolean next(int c) {
        return switch (step) {
            case BEGIN_VALUE_OR_EMPTY -> isSpace(c) || (c == ']' ? endValue(c) : beginValue(c));
            case BEGIN_VALUE -> beginValue(c);
            case BEGIN_STRING_OR_EMPTY -> beginStringOrEmpty(c);
            case BEGIN_STRING -> beginString(c);
            case END_VALUE -> endValue(c);
            case END_TOP -> isSpace(c) || fail(c, "after top-level value");
            case IN_STRING -> inString(c);
            case IN_STRING_ESC -> inStringEscape(c);
            case IN_STRING_ESC_U -> hex(c, Step.IN_STRING_ESC_U1);
            case IN_STRING_ESC_U1 -> hex(c, Step.IN_STRING_ESC_U12);
            case IN_STRING_ESC_U12 -> hex(c, Step.IN_STRING_ESC_U123);
            case IN_STRING_ESC_U123 -> hex(c, Step.IN_STRING);
            case NEG -> c == '0' ? to(Step.ZERO) : isDigit(c) ? to(Step.ONE) : fail(c, "in numeric literal");
            case ONE -> isDigit(c) || zero(c);
            case ZERO -> zero(c);
            case DOT -> isDigit(c) ? to(Step.DOT_ZERO) : fail(c, "after decimal point in numeric literal");
            case DOT_ZERO -> isDigit(c) || (c == 'e' || c == 'E' ? to(Step.E) : endValue(c));
            case E -> c == '+' || c == '-' ? to(Step.E_SIGN) : exponentSign(c);
            case E_SIGN -> exponentSign(c);
            case E_ZERO -> isDigit(c) || endValue(c);
            case T -> literal(c, 'r', Step.TR, "true");
            case TR -> literal(c, 'u', Step.TRU, "true");
            case TRU -> literal(c, 'e', Step.END_VALUE, "true");
            case F -> literal(c, 'a', Step.FA, "false");
            case FA -> literal(c, 'l', Step.FAL, "false");
            case FAL -> literal(c, 's', Step.FALS, "false");
            case FALS -> literal(c, 'e', Step.END_VALUE, "false");
            case N -> literal(c, 'u', Step.NU, "null");
            case NU -> literal(c, 'l', Step.NUL, "null");
            case NUL -> literal(c, 'l', Step.END_VALUE, "null");
        };
    }

    private boolean beginValue(int c) {
        if (isSpace(c)) {
            return true;
        }
        return switch (c) {
            case '{' -> push(c, OBJECT_KEY, Step.BEGIN_STRING_OR_EMPTY);
            case '[' -> push(c, ARRAY_VALUE, Step.BEGIN_VALUE_OR_EMPTY);
            case '"' -> to(Step.IN_STRING);
            case '-' -> to(Step.NEG);
            case '0' -> to(Step.ZERO);
            case 't' -> to(Step.T);
            case 'f' -> to(Step.F);
            case 'n' -> to(Step.N);
            default -> isDigit(c) ? to(Step.ONE) : fail(c, "looking for beginning of value");
        };
    }

    private boolean beginStringOrEmpty(int c) {
        if (isSpace(c)) {
            return true;
        }
        if (c == '}') {
            open[depth - 1] = OBJECT_VALUE;
            return endValue(c);
        }
        return beginString(c);
    }

    private boolean beginString(int c) {
        if (isSpace(c)) {
            return true;
        }
        return c == '"' ? to(Step.IN_STRING) : fail(c, "looking for beginning of object key string");
    }

    private boolean endValue(int c) {
        if (depth == 0) {
            step = Step.END_TOP;
            endTop = true;
            return isSpace(c) || fail(c, "after top-level value");
        }
        if (isSpace(c)) {
            step = Step.END_VALUE;
            return true;
        }
        return switch (open[depth - 1]) {
            case OBJECT_KEY -> c == ':' ? expect(OBJECT_VALUE, Step.BEGIN_VALUE) : fail(c, "after object key");
            case OBJECT_VALUE -> c == ',' ? expect(OBJECT_KEY, Step.BEGIN_STRING)
                    : c == '}' ? pop() : fail(c, "after object key:value pair");
            default -> c == ',' ? to(Step.BEGIN_VALUE) : c == ']' ? pop() : fail(c, "after array element");
        };
    }

    private boolean inString(int c) {
        if (c == '"') {
            return to(Step.END_VALUE);
        }
        if (c == '\\') {
            return to(Step.IN_STRING_ESC);
        }
        return c >= 0x20 || fail(c, "in string literal");
    }

    private boolean inStringEscape(int c) {
        return switch (c) {
            case 'b', 'f', 'n', 'r', 't', '\\', '/', '"' -> to(Step.IN_STRING);
            case 'u' -> to(Step.IN_STRING_ESC_U);
            default -> fail(c, "in string escape code");
        };
    }

    private boolean hex(int c, Step next) {
        boolean hex = isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        return hex ? to(next) : fail(c, "in \\u hexadecimal character escape");
    }

    private boolean zero(int c) {
        if (c == '.') {
            return to(Step.DOT);
        }
        return c == 'e' || c == 'E' ? to(Step.E) : endValue(c);
    }

    private boolean exponentSign(int c) {
        return isDigit(c) ? to(Step.E_ZERO) : fail(c, "in exponent of numeric literal");
    }

    private boolean literal(int c, char expected, Step next, String name) {
        return c == expected ? to(next) : fail(c, "in literal " + name + " (expecting '" + expected + "')");
    }

    private boolean push(int c, byte expecting, Step next) {
        if (depth == MAX_DEPTH) {
            return fail(c, "exceeded max depth");
        }
        open[depth++] = expecting;
        return to(next);
    }

    private boolean pop() {
        depth--;
        if (depth == 0) {
            endTop = true;
            return to(Step.END_TOP);
        }
        return to(Step.END_VALUE);
    }

    private boolean expect(byte expecting, Step next) {
        open[depth - 1] = expecting;
        return to(next);
    }

    private boolean to(Step next) {
        step = next;
        return true;
    }

    private boolean fail(int c, String context) {
        error = "invalid character " + quoteChar(c) + " " + context;
        return false;
    }

    /** Go's {@code quoteChar}: the byte as a character (Latin-1), quoted with single quotes. */
    private static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String quoted = GoStrings.quote(String.valueOf((char) c));
        return "'" + quoted.substring(1, quoted.length() - 1) + "'";
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
