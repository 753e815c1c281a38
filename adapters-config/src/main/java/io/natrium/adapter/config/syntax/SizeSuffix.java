package io.natrium.adapter.config.syntax;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Integers with nats-server's size suffixes, any case: {@code k m g t p e} are powers of 1000, and the same letter
 * followed by {@code b}, {@code i} or {@code ib} ({@code kb}, {@code ki}, {@code kib}) a power of 1024.
 */
final class SizeSuffix {

    private static final Map<String, Long> MULTIPLIERS = multipliers();

    private SizeSuffix() {
    }

    private static Map<String, Long> multipliers() {
        Map<String, Long> table = new HashMap<>();
        table.put("", 1L);
        String letters = "kmgtpe";
        long decimal = 1;
        long binary = 1;
        for (int i = 0; i < letters.length(); i++) {
            decimal *= 1000;
            binary *= 1024;
            String letter = letters.substring(i, i + 1);
            table.put(letter, decimal);
            for (String binaryForm : new String[] {"b", "i", "ib"}) {
                table.put(letter + binaryForm, binary);
            }
        }
        return Map.copyOf(table);
    }

    /**
     * The value of an integer token ({@code -12}, {@code 64MiB}).
     *
     * @throws IllegalArgumentException with the message to report: nats-server's for a number out of range; for a
     *                                  suffix it does not know (such as {@code kbb}), where nats-server silently drops
     *                                  the key, or for a product that overflows, where it silently wraps around
     */
    static long parse(String text) {
        int digitsEnd = 0;
        while (digitsEnd < text.length()
                && (Character.isDigit(text.charAt(digitsEnd)) || text.charAt(digitsEnd) == '-')) {
            digitsEnd++;
        }
        String digits = text.substring(0, digitsEnd);
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            // Long.parseLong would take other scripts' digits; nats-server's strconv.ParseInt takes ASCII only.
            if (c > '9' || c == '-' && i > 0) {
                throw new IllegalArgumentException("expected integer, but got '" + text + "'");
            }
        }
        long number;
        try {
            number = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("integer '" + text + "' is out of the range");
        }
        String suffix = text.substring(digitsEnd).toLowerCase(Locale.ROOT);
        Long multiplier = MULTIPLIERS.get(suffix);
        if (multiplier == null) {
            throw new IllegalArgumentException("integer '" + text + "' has an unknown size suffix '"
                    + text.substring(digitsEnd) + "'");
        }
        try {
            return Math.multiplyExact(number, multiplier);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("integer '" + text + "' is out of the range");
        }
    }
}
