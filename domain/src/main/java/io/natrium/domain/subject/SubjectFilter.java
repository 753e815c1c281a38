package io.natrium.domain.subject;

/**
 * Rules for subscription filters: subjects in which a whole {@code *} token matches exactly one token and a whole
 * {@code >} token, which must come last, matches one or more tokens. Behaviour follows nats-server's
 * {@code server/sublist.go} ({@code IsValidSubject}, {@code SubjectsCollide}, {@code isSubsetMatch}).
 */
public final class SubjectFilter {

    /** The wildcard token that matches exactly one token. */
    public static final String SINGLE_WILDCARD = "*";
    /** The wildcard token that matches one or more trailing tokens. */
    public static final String FULL_WILDCARD = ">";

    private SubjectFilter() {
    }

    /** nats-server's {@code IsValidSubject}: non-empty tokens, {@code >} only as the last token, no whitespace. */
    public static boolean isValid(String filter) {
        return SubjectRules.isValidFilter(filter);
    }

    /** {@link #isValid(String)}, plus the rune check of {@link Subject#hasValidRunes} when asked for. */
    public static boolean isValid(String filter, boolean checkRunes) {
        return SubjectRules.isValidFilter(filter) && (!checkRunes || Subject.hasValidRunes(filter));
    }

    /** True when the filter has at least one wildcard token. */
    public static boolean hasWildcard(String filter) {
        return !SubjectRules.isLiteral(filter);
    }

    /**
     * True when {@code filter} matches the literal {@code subject}. A wildcard inside {@code subject} is compared as
     * an ordinary token.
     */
    public static boolean matches(String filter, String subject) {
        int filterStart = 0;
        int subjectStart = 0;
        while (filterStart >= 0 && subjectStart >= 0) {
            int filterEnd = tokenEnd(filter, filterStart);
            int subjectEnd = tokenEnd(subject, subjectStart);
            int filterTokenLength = filterEnd - filterStart;
            if (filterTokenLength == 1 && filter.charAt(filterStart) == SubjectRules.FULL_WILDCARD) {
                return true;
            }
            boolean anyToken = filterTokenLength == 1 && filter.charAt(filterStart) == SubjectRules.SINGLE_WILDCARD;
            if (!anyToken && (filterTokenLength != subjectEnd - subjectStart
                    || !filter.regionMatches(filterStart, subject, subjectStart, filterTokenLength))) {
                return false;
            }
            filterStart = nextTokenStart(filter, filterEnd);
            subjectStart = nextTokenStart(subject, subjectEnd);
        }
        return filterStart < 0 && subjectStart < 0;
    }

    /**
     * nats-server's {@code SubjectsCollide}: true when some literal subject is matched by both filters. Either
     * argument may be literal.
     */
    public static boolean collide(String first, String second) {
        if (first.equals(second)) {
            return true;
        }
        String[] firstTokens = Subject.tokens(first);
        String[] secondTokens = Subject.tokens(second);
        boolean firstLiteral = SubjectRules.isLiteral(first);
        boolean secondLiteral = SubjectRules.isLiteral(second);
        if (firstLiteral && secondLiteral) {
            return false;
        }
        if (firstLiteral) {
            return isSubset(firstTokens, secondTokens);
        }
        if (secondLiteral) {
            return isSubset(secondTokens, firstTokens);
        }
        boolean firstOpenEnded = endsWithFullWildcard(firstTokens);
        boolean secondOpenEnded = endsWithFullWildcard(secondTokens);
        if (firstTokens.length < secondTokens.length && !firstOpenEnded
                || secondTokens.length < firstTokens.length && !secondOpenEnded) {
            return false;
        }
        int common = Math.min(firstTokens.length, secondTokens.length);
        for (int i = 0; i < common; i++) {
            if (!isWildcardToken(firstTokens[i]) && !isWildcardToken(secondTokens[i])
                    && !firstTokens[i].equals(secondTokens[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * nats-server's {@code isSubsetMatch}: true when every subject matched by {@code subset} is also matched by
     * {@code superset}. Both may hold wildcards: {@code foo.*} is a subset of {@code >}, {@code *.*} and
     * {@code foo.*}, but not of {@code foo.bar}.
     */
    public static boolean isSubset(String subset, String superset) {
        return isSubset(Subject.tokens(subset), Subject.tokens(superset));
    }

    private static boolean isSubset(String[] subset, String[] superset) {
        for (int i = 0; i < superset.length; i++) {
            String wider = superset[i];
            if (i >= subset.length || wider.isEmpty()) {
                return false;
            }
            if (wider.equals(FULL_WILDCARD)) {
                return true;
            }
            String narrower = subset[i];
            if (narrower.isEmpty() || narrower.equals(FULL_WILDCARD)) {
                return false;
            }
            if (narrower.equals(SINGLE_WILDCARD)) {
                if (!wider.equals(SINGLE_WILDCARD)) {
                    return false;
                }
            } else if (!wider.equals(SINGLE_WILDCARD) && !narrower.equals(wider)) {
                return false;
            }
        }
        return subset.length == superset.length;
    }

    private static boolean endsWithFullWildcard(String[] tokens) {
        return tokens[tokens.length - 1].equals(FULL_WILDCARD);
    }

    private static boolean isWildcardToken(String token) {
        return token.equals(SINGLE_WILDCARD) || token.equals(FULL_WILDCARD);
    }

    private static int tokenEnd(String subject, int start) {
        int separator = subject.indexOf(SubjectRules.SEPARATOR, start);
        return separator < 0 ? subject.length() : separator;
    }

    private static int nextTokenStart(String subject, int tokenEnd) {
        return tokenEnd < subject.length() ? tokenEnd + 1 : -1;
    }
}
