package io.natrium.domain;

import java.util.ArrayList;
import java.util.List;

/** Enumerations of subjects and filters, and a naive recursive matcher written independently of the code under test. */
public final class SubjectOracle {

    private SubjectOracle() {
    }

    /** Every subject of 1 to {@code maxDepth} tokens drawn from {@code tokens}. */
    public static List<String> subjects(List<String> tokens, int maxDepth) {
        List<String> all = new ArrayList<>();
        List<String> previous = List.of("");
        for (int depth = 1; depth <= maxDepth; depth++) {
            List<String> current = new ArrayList<>();
            for (String prefix : previous) {
                for (String token : tokens) {
                    current.add(prefix.isEmpty() ? token : prefix + "." + token);
                }
            }
            all.addAll(current);
            previous = current;
        }
        return all;
    }

    /** Every sequence of tokens, keeping those where {@code >} appears only last. */
    public static List<String> filters(List<String> tokens, int maxDepth) {
        List<String> valid = new ArrayList<>();
        for (String candidate : subjects(tokens, maxDepth)) {
            int full = candidate.indexOf('>');
            if (full < 0 || full == candidate.length() - 1) {
                valid.add(candidate);
            }
        }
        return valid;
    }

    public static boolean matches(String filter, String subject) {
        return matches(filter.split("\\.", -1), 0, subject.split("\\.", -1), 0);
    }

    private static boolean matches(String[] filter, int f, String[] subject, int s) {
        if (f == filter.length) {
            return s == subject.length;
        }
        if (filter[f].equals(">")) {
            return s < subject.length;
        }
        if (s == subject.length) {
            return false;
        }
        return (filter[f].equals("*") || filter[f].equals(subject[s])) && matches(filter, f + 1, subject, s + 1);
    }
}
