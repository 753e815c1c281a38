package io.natrium.domain.jwt;

/**
 * One of an account JWT's {@code imports}: the exporting {@code account}'s {@code subject}, an activation
 * {@code token} when the export requires one, where it lands ({@code to} before 2.2, {@code local_subject} now) and
 * whether request info is shared.
 */
public record Import(String name, String subject, String account, String token, String to, String localSubject,
        String type, boolean share) {

    static Import read(Object value, String path) {
        JsonFields imported = JsonFields.of(value, path);
        return new Import(imported.string("name"), imported.string("subject"), imported.string("account"),
                imported.string("token"), imported.string("to"), imported.string("local_subject"),
                ExportTypes.read(imported), imported.bool("share"));
    }

    public boolean isService() {
        return type.equals(ExportTypes.SERVICE);
    }
}
