package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.text.GoStrings;

import java.util.List;
import java.util.function.Consumer;

/** The {@code auth_callout} block of {@code authorization}. */
final class AuthCalloutMapper {

    private static final KeyTable<Draft> CALLOUT = KeyTable.<Draft>unknownAs(
                    "Unknown field %s parsing authorization callout")
            .on((draft, entry, reader) -> reader.string(entry, issuer -> {
                if (isKey(issuer, NKeyType.ACCOUNT)) {
                    draft.issuer = issuer;
                } else {
                    reader.error(entry, "Expected callout user to be a valid public account nkey, got "
                            + GoStrings.quote(issuer));
                }
            }), "issuer")
            .on((draft, entry, reader) -> reader.string(entry, account -> draft.account = account), "account", "acc")
            .on((draft, entry, reader) -> strings(entry, reader, "auth_users", users -> draft.authUsers = users),
                    "auth_users", "users")
            .on((draft, entry, reader) -> reader.string(entry, xkey -> {
                if (isKey(xkey, NKeyType.CURVE)) {
                    draft.xkey = xkey;
                } else {
                    reader.error(entry,
                            "Expected callout xkey to be a valid public xkey, got " + GoStrings.quote(xkey));
                }
            }), "xkey", "key")
            .on((draft, entry, reader) -> strings(entry, reader, "allowed accounts",
                    accounts -> draft.allowedAccounts = accounts), "allowed_accounts");

    private static final class Draft {
        String issuer;
        String account = AccountsSettings.GLOBAL_ACCOUNT;
        List<String> authUsers = List.of();
        String xkey;
        List<String> allowedAccounts = List.of();
    }

    private AuthCalloutMapper() {
    }

    /** The callout of an entry, or null when it is not a complete one (reported). */
    static AuthCalloutSettings map(ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "Expected authorization callout to be a map/struct, got "
                    + GoValue.of(entry.value()));
            return null;
        }
        Draft draft = new Draft();
        int errors = reader.errorCount();
        CALLOUT.apply(block, draft, reader);
        if (reader.errorCount() > errors) {
            return null;
        }
        if (draft.issuer == null) {
            reader.error(entry, "Authorization callouts require an issuer to be specified");
            return null;
        }
        if (draft.authUsers.isEmpty()) {
            reader.error(entry, "Authorization callouts require authorized users to be specified");
            return null;
        }
        return new AuthCalloutSettings(draft.issuer, draft.account, draft.authUsers, draft.xkey,
                draft.allowedAccounts);
    }

    static boolean isKey(String encoded, NKeyType type) {
        NKey key = NKey.parse(encoded);
        return key != null && key.type() == type;
    }

    private static void strings(ConfigEntry entry, ConfigReader reader, String field, Consumer<List<String>> use) {
        if (entry.value() instanceof ConfigList list) {
            use.accept(reader.strings(list));
        } else {
            reader.error(entry, "Expected " + field + " field to be an array, got "
                    + ConfigReader.goType(entry.value()));
        }
    }
}
