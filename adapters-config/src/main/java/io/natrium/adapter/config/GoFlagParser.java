package io.natrium.adapter.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line parsing with the rules and messages of Go's {@code flag} package, which nats-server uses: a flag may
 * start with one or two dashes, takes its value after {@code =} or as the next argument, a boolean flag takes a value
 * only after {@code =}, {@code --} ends the flags, and parsing stops at the first argument that is not a flag.
 */
final class GoFlagParser {

    /** A flag's handler: receives the value (for booleans, "true" or "false") or throws with a reason. */
    interface Setter {
        void set(String value) throws InvalidValueException;
    }

    /** Why a value was refused, in Go's words ({@code parse error}, {@code invalid syntax}). */
    static final class InvalidValueException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidValueException(String reason) {
            super(reason);
        }
    }

    private record Flag(boolean bool, Setter setter) {
    }

    private final Map<String, Flag> flags = new LinkedHashMap<>();

    void bool(Setter setter, String... names) {
        for (String name : names) {
            flags.put(name, new Flag(true, setter));
        }
    }

    void value(Setter setter, String... names) {
        for (String name : names) {
            flags.put(name, new Flag(false, setter));
        }
    }

    /**
     * Parses the arguments and returns those left after the flags.
     *
     * @throws CommandLineException with Go's message; {@code help} is true for {@code -h}/{@code -help}
     */
    List<String> parse(String[] args) throws CommandLineException {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String arg = rest.get(0);
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                break;
            }
            int dashes = 1;
            if (arg.charAt(1) == '-') {
                dashes = 2;
                if (arg.length() == 2) {
                    rest.remove(0);
                    break;
                }
            }
            String name = arg.substring(dashes);
            if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
                throw CommandLineException.flagError("bad flag syntax: " + arg);
            }
            rest.remove(0);
            String value = null;
            int equals = name.indexOf('=', 1);
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Flag flag = flags.get(name);
            if (flag == null) {
                if (name.equals("help") || name.equals("h")) {
                    throw new CommandLineException(null, true);
                }
                throw CommandLineException.flagError("flag provided but not defined: -" + name);
            }
            if (flag.bool()) {
                String bool = value == null ? "true" : parseBool(value, name);
                set(flag, bool, name, value);
            } else {
                if (value == null) {
                    if (rest.isEmpty()) {
                        throw CommandLineException.flagError("flag needs an argument: -" + name);
                    }
                    value = rest.remove(0);
                }
                set(flag, value, name, value);
            }
        }
        return rest;
    }

    private static void set(Flag flag, String value, String name, String given) throws CommandLineException {
        try {
            flag.setter().set(value);
        } catch (InvalidValueException e) {
            throw CommandLineException.flagError(
                    "invalid value \"" + given + "\" for flag -" + name + ": " + e.getMessage());
        }
    }

    /** Go's {@code strconv.ParseBool}. */
    private static String parseBool(String value, String name) throws CommandLineException {
        switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> {
                return "true";
            }
            case "0", "f", "F", "FALSE", "false", "False" -> {
                return "false";
            }
            default -> throw CommandLineException.flagError(
                    "invalid boolean value \"" + value + "\" for -" + name + ": parse error");
        }
    }

    /** An int flag: Go's {@code strconv.ParseInt(s, 0, 64)} narrowed to a Java int. */
    static int parseInt(String value) throws InvalidValueException {
        long parsed = parseLong(value);
        if (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE) {
            throw new InvalidValueException("value out of range");
        }
        return (int) parsed;
    }

    /**
     * An int64 flag, as Go's flag package reads it ({@code strconv.ParseInt(s, 0, 64)}): an optional sign, then
     * decimal, {@code 0x} hex, {@code 0o} or leading-{@code 0} octal, or {@code 0b} binary, with {@code _}
     * between digits.
     */
    static long parseLong(String value) throws InvalidValueException {
        String digits = value;
        boolean negative = false;
        if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            throw new InvalidValueException("parse error");
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            throw new InvalidValueException("parse error");
        }
        try {
            java.math.BigInteger parsed = new java.math.BigInteger(digits, radix);
            if (negative) {
                parsed = parsed.negate();
            }
            if (parsed.bitLength() > 63) {
                throw new InvalidValueException("value out of range");
            }
            return parsed.longValue();
        } catch (NumberFormatException e) {
            throw new InvalidValueException("parse error");
        }
    }
}
