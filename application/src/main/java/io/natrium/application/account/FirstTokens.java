package io.natrium.application.account;

import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The first tokens of a fixed set of filters, to tell at the cost of one short comparison that a subject can match
 * none of them. An account's imports usually start with a few literal tokens ({@code $SYS}, a service's name), while
 * most of what is published in it starts elsewhere: without this test, every publish in an account that imports
 * anything would look itself up in the import sublists' shared caches, a second match per message.
 */
final class FirstTokens {

    /** Past this many distinct first tokens, testing them would cost about what the sublist lookup costs. */
    private static final int MOST = 8;

    private final byte[][] tokens;
    /** Some filter starts with a wildcard, or there are too many tokens: every subject may match. */
    private final boolean any;

    private FirstTokens(byte[][] tokens, boolean any) {
        this.tokens = tokens;
        this.any = any;
    }

    static FirstTokens of(Collection<String> filters) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String filter : filters) {
            int dot = filter.indexOf('.');
            String first = dot < 0 ? filter : filter.substring(0, dot);
            if (first.equals("*") || first.equals(">")) {
                return new FirstTokens(new byte[0][], true);
            }
            distinct.add(first);
        }
        if (distinct.size() > MOST) {
            return new FirstTokens(new byte[0][], true);
        }
        byte[][] tokens = distinct.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        return new FirstTokens(tokens, false);
    }

    /** False only when no filter can match {@code subject}: its first token is none of theirs. */
    boolean mayMatch(SubjectView subject) {
        if (any) {
            return true;
        }
        byte[] bytes = subject.array();
        int offset = subject.arrayOffset();
        int length = subject.length();
        int end = offset;
        while (end < offset + length && bytes[end] != '.') {
            end++;
        }
        for (byte[] token : tokens) {
            if (Arrays.equals(bytes, offset, end, token, 0, token.length)) {
                return true;
            }
        }
        return false;
    }
}
