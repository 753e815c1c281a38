package io.natrium.bootstrap.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic mutations of a configuration text, the small mistakes people make: a token deleted or doubled, a
 * value of another type, an empty string, a negative or huge number, an integer where a duration string was, an
 * unknown key, a line deleted or doubled. Works on a rough tokenisation of the text (strings, words, numbers,
 * punctuation), which is all a mutation needs; whether the result still parses is for the servers to say.
 */
final class ConfigMutator {

    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|#[^\\n]*|-?[0-9][0-9A-Za-z.%]*|[A-Za-z_$][A-Za-z0-9_.$-]*|[{}\\[\\]:=,]");
    private static final Pattern DURATION = Pattern.compile("\"([0-9]+)(s|m|h)\"");
    private static final List<String> OTHER_TYPES = List.of("\"text\"", "42", "true", "[1, 2]", "{ a: 1 }", "3.5",
            "\"1s\"", "x.y");

    /** One mutant: what was done, and the text. */
    record Mutant(String description, String text) {
    }

    private record Token(int start, int end, String text) {

        boolean isString() {
            return text.startsWith("\"");
        }

        boolean isNumber() {
            return Character.isDigit(text.charAt(0)) || text.startsWith("-");
        }

        boolean isPunctuation() {
            return text.length() == 1 && "{}[]:=,".contains(text);
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final Random random;

    ConfigMutator(String text, long seed) {
        this.text = text;
        this.random = new Random(seed);
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().startsWith("#")) {
                tokens.add(new Token(matcher.start(), matcher.end(), matcher.group()));
            }
        }
    }

    /** {@code count} mutants, cycling through the kinds of mutation so that each kind gets its share. */
    List<Mutant> mutants(int count) {
        List<Mutant> mutants = new ArrayList<>();
        int kinds = 11;
        for (int i = 0; mutants.size() < count && i < count * 4; i++) {
            Mutant mutant = mutate(i % kinds);
            if (mutant != null && !mutant.text().equals(text)
                    && mutants.stream().noneMatch(other -> other.text().equals(mutant.text()))) {
                mutants.add(mutant);
            }
        }
        return mutants;
    }

    private Mutant mutate(int kind) {
        return switch (kind) {
            case 0 -> deleteToken();
            case 1 -> duplicateToken();
            case 2 -> replaceValue(token -> true, "\"\"", "empty string");
            case 3 -> replaceValue(Token::isNumber, "-" + (1 + random.nextInt(100)), "negative number");
            case 4 -> replaceValue(token -> true, OTHER_TYPES.get(random.nextInt(OTHER_TYPES.size())), "other type");
            case 5 -> unknownKey();
            case 6 -> durationAsInteger();
            case 7 -> deleteLine();
            case 8 -> duplicateLine();
            case 9 -> replaceValue(Token::isNumber, random.nextBoolean() ? "0" : "99999999999", "edge number");
            default -> replaceKey();
        };
    }

    private Mutant deleteToken() {
        Token token = tokens.get(random.nextInt(tokens.size()));
        return new Mutant("delete " + token.text(), replace(token, ""));
    }

    private Mutant duplicateToken() {
        Token token = tokens.get(random.nextInt(tokens.size()));
        return new Mutant("double " + token.text(), replace(token, token.text() + " " + token.text()));
    }

    /** A value: a string, a number, or a word written after a separator or inside a list. */
    private Mutant replaceValue(Predicate<Token> which, String replacement, String what) {
        List<Token> values = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String before = tokens.get(i - 1).text();
            boolean value = token.isString() || token.isNumber()
                    || (!token.isPunctuation() && (before.equals(":") || before.equals("=") || before.equals("[")
                    || before.equals(",")));
            boolean key = i + 1 < tokens.size() && (tokens.get(i + 1).text().equals(":")
                    || tokens.get(i + 1).text().equals("="));
            if (value && !key && which.test(token)) {
                values.add(token);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        Token token = values.get(random.nextInt(values.size()));
        return new Mutant(what + ": " + token.text() + " -> " + replacement, replace(token, replacement));
    }

    private Mutant replaceKey() {
        List<Token> keys = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String next = tokens.get(i + 1).text();
            if (!tokens.get(i).isPunctuation() && (next.equals(":") || next.equals("=") || next.equals("{"))) {
                keys.add(tokens.get(i));
            }
        }
        Token key = keys.get(random.nextInt(keys.size()));
        String renamed = key.text().toUpperCase(Locale.ROOT).equals(key.text())
                ? key.text() + "_X" : key.text().toUpperCase(Locale.ROOT);
        return new Mutant("key " + key.text() + " -> " + renamed, replace(key, renamed));
    }

    private Mutant unknownKey() {
        List<Integer> places = new ArrayList<>();
        places.add(0);
        for (Token token : tokens) {
            if (token.text().equals("{")) {
                places.add(token.end());
            }
        }
        int at = places.get(random.nextInt(places.size()));
        return new Mutant("unknown key at " + at, text.substring(0, at) + "\nbogus_key: 1\n" + text.substring(at));
    }

    private Mutant durationAsInteger() {
        Matcher matcher = DURATION.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(new int[] {matcher.start(), matcher.end()});
        }
        if (found.isEmpty()) {
            return null;
        }
        int[] span = found.get(random.nextInt(found.size()));
        Matcher one = DURATION.matcher(text.substring(span[0], span[1]));
        one.matches();
        long seconds = Long.parseLong(one.group(1)) * switch (one.group(2)) {
            case "h" -> 3600;
            case "m" -> 60;
            default -> 1;
        };
        return new Mutant("duration " + one.group() + " -> " + seconds,
                text.substring(0, span[0]) + seconds + text.substring(span[1]));
    }

    private Mutant deleteLine() {
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(lines.length);
        List<String> kept = new ArrayList<>(List.of(lines));
        kept.remove(line);
        return new Mutant("delete line " + (line + 1), String.join("\n", kept));
    }

    private Mutant duplicateLine() {
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(lines.length);
        List<String> doubled = new ArrayList<>(List.of(lines));
        doubled.add(line, lines[line]);
        return new Mutant("double line " + (line + 1), String.join("\n", doubled));
    }

    private String replace(Token token, String replacement) {
        return text.substring(0, token.start()) + replacement + text.substring(token.end());
    }
}
