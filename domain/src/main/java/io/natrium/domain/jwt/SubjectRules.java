package io.natrium.domain.jwt;

import java.util.List;

/** One direction's {@code allow} and {@code deny} subject lists of a JWT permission. */
public record SubjectRules(List<String> allow, List<String> deny) {

    public static final SubjectRules NONE = new SubjectRules(List.of(), List.of());

    public SubjectRules {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    static SubjectRules read(JsonFields rules) {
        return new SubjectRules(rules.strings("allow"), rules.strings("deny"));
    }

    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }
}
