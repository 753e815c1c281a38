package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;

import java.util.Arrays;

/**
 * The source side of a transform or mapping, matched against the tokens in a {@link TransformBuffer} without
 * decoding them. The rule is nats-server's {@code isSubsetMatch}, which {@code selectMappedSubject} uses: a wildcard
 * token in the subject (a non-pedantic client may publish one) only matches the same wildcard in the source.
 */
@HotPath
final class SourceFilter {

    private static final byte LITERAL = 0;
    private static final byte ANY_TOKEN = 1;
    private static final byte REST = 2;

    private final byte[][] tokens;
    private final byte[] kinds;

    private SourceFilter(byte[][] tokens, byte[] kinds) {
        this.tokens = tokens;
        this.kinds = kinds;
    }

    static SourceFilter of(String filter) {
        String[] parts = Subject.tokens(filter);
        byte[][] tokens = new byte[parts.length][];
        byte[] kinds = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            tokens[i] = parts[i].getBytes(UTF_8);
            kinds[i] = switch (parts[i]) {
                case SubjectFilter.SINGLE_WILDCARD -> ANY_TOKEN;
                case SubjectFilter.FULL_WILDCARD -> REST;
                default -> LITERAL;
            };
        }
        return new SourceFilter(tokens, kinds);
    }

    /** True when the subject tokenized in {@code subject} falls under this filter. */
    boolean matches(TransformBuffer subject) {
        int count = subject.tokenCount();
        byte[] input = subject.input();
        for (int i = 0; i < tokens.length; i++) {
            if (i >= count || tokens[i].length == 0) {
                return false;
            }
            if (kinds[i] == REST) {
                return true;
            }
            int start = subject.tokenStart(i);
            int end = subject.tokenEnd(i);
            if (end == start || end - start == 1 && input[start] == '>') {
                return false;
            }
            if (end - start == 1 && input[start] == '*') {
                if (kinds[i] != ANY_TOKEN) {
                    return false;
                }
            } else if (kinds[i] != ANY_TOKEN && !Arrays.equals(tokens[i], 0, tokens[i].length, input, start, end)) {
                return false;
            }
        }
        return count == tokens.length;
    }
}
