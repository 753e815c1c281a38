package io.natrium.domain.jwt;

/** A JWT's {@code pub}, {@code sub} and {@code resp} permissions; {@code response} is null when absent. */
public record JwtPermissions(SubjectRules publish, SubjectRules subscribe, ResponseRule response) {

    public static final JwtPermissions NONE = new JwtPermissions(SubjectRules.NONE, SubjectRules.NONE, null);

    static JwtPermissions read(JsonFields holder) {
        return new JwtPermissions(SubjectRules.read(holder.object("pub")), SubjectRules.read(holder.object("sub")),
                ResponseRule.read(holder.raw("resp"), holder.name("resp")));
    }

    public boolean isEmpty() {
        return publish.isEmpty() && subscribe.isEmpty() && response == null;
    }
}
