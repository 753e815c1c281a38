package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.MappingSettings;
import io.natrium.application.settings.MessageTraceSettings;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.text.GoStrings;

import java.util.List;
import java.util.Locale;

/** One account of the {@code accounts} map: its nkey, users, exports, imports, mappings, limits and tracing. */
final class AccountMapper {

    private static final KeyTable<Draft> ACCOUNT = KeyTable.<Draft>strict()
            .on(AccountMapper::nkey, "nkey")
            .on((draft, entry, reader) -> draft.imports = ImportMapper.map(entry, reader), "imports")
            .on((draft, entry, reader) -> draft.exports = ExportMapper.map(entry, reader), "exports")
            .on(OutOfScopeKeys::warn, "jetstream")
            .on((draft, entry, reader) -> draft.users = entry, "users")
            .on((draft, entry, reader) -> draft.defaultPermissions = PermissionsMapper.map(entry, reader),
                    "default_permissions")
            .on((draft, entry, reader) -> draft.mappings = MappingsMapper.map(entry, reader), "mappings", "maps")
            .on(AccountMapper::limits, "limits")
            .notYet(AccountMapper::messageTrace, "msg_trace", "trace_dest");

    private static final KeyTable<int[]> LIMITS = KeyTable.<int[]>unknownAs("Unknown field %s parsing account limits")
            .on((limits, entry, reader) -> reader.goInt32(entry, value -> limits[0] = value),
                    "max_connections", "max_conn")
            .on((limits, entry, reader) -> reader.goInt32(entry, value -> limits[1] = value),
                    "max_subscriptions", "max_subs")
            .on((limits, entry, reader) -> reader.goInt32(entry, value -> limits[2] = value), "max_payload", "max_pay")
            .on((limits, entry, reader) -> reader.goInt32(entry, value -> limits[3] = value),
                    "max_leafnodes", "max_leafs");

    private static final class Draft {
        String nkey;
        List<ImportSettings> imports = List.of();
        List<ExportSettings> exports = List.of();
        ConfigEntry users;
        PermissionSettings defaultPermissions;
        List<MappingSettings> mappings = List.of();
        AccountLimitSettings limits = AccountLimitSettings.unlimited();
        MessageTraceSettings messageTrace;
    }

    private AccountMapper() {
    }

    /**
     * The account of a {@code name: {...}} entry. Its users must be unique across the file and cannot coexist with
     * a single user or token in {@code authorization}.
     */
    static AccountSettings map(FileDraft file, ConfigEntry entry, ConfigMap block, ConfigReader reader) {
        Draft draft = new Draft();
        ACCOUNT.apply(block, draft, reader);
        List<UserSettings> users = draft.users == null ? List.of()
                : UsersMapper.map(draft.users, reader, draft.defaultPermissions);
        if (users == null) {
            users = List.of();
        }
        if (!users.isEmpty() && (file.singleUser || file.token)) {
            reader.error(draft.users, file.singleUser ? "Can not have a single user/pass and accounts"
                    : "Can not have a token and accounts");
        } else {
            for (UserSettings user : users) {
                if (!file.userIdentities.add(user.identity())) {
                    reader.error(draft.users, AuthorizationMapper.duplicate(user));
                }
            }
        }
        return new AccountSettings(entry.key(), draft.nkey, users, draft.exports, draft.imports,
                draft.defaultPermissions, draft.mappings, draft.limits, draft.messageTrace);
    }

    private static void nkey(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigString key && AuthCalloutMapper.isKey(key.value(), NKeyType.ACCOUNT)) {
            draft.nkey = key.value();
        } else {
            reader.error(entry, "Not a valid public nkey for an account: " + quoted(entry.value()));
        }
    }

    private static void limits(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "Expected account limits to be a map/struct, got " + GoValue.of(entry.value()));
            return;
        }
        AccountLimitSettings unlimited = AccountLimitSettings.unlimited();
        int[] limits = {unlimited.maxConnections(), unlimited.maxSubscriptions(), unlimited.maxPayload(),
            unlimited.maxLeafNodes()};
        LIMITS.apply(block, limits, reader);
        draft.limits = new AccountLimitSettings(limits[0], limits[1], limits[2], limits[3]);
    }

    private static void messageTrace(Draft draft, ConfigEntry entry, ConfigReader reader) {
        String destination = null;
        int sampling = 0;
        if (entry.value() instanceof ConfigString text) {
            destination = traceDestination(entry, text, reader);
        } else if (entry.value() instanceof ConfigMap block) {
            for (ConfigEntry field : block.all()) {
                switch (field.key().toLowerCase(Locale.ROOT)) {
                    case "dest" -> destination = field.value() instanceof ConfigString text
                            ? traceDestination(field, text, reader)
                            : fieldNotString(field, reader);
                    case "sampling" -> sampling = TraceSampling.of(field, reader);
                    default -> reader.error(field, "Unknown field " + GoStrings.quote(field.key())
                            + " parsing account message trace map/struct " + GoStrings.quote(entry.key()));
                }
            }
        } else {
            reader.error(entry, "Expected account message trace " + GoStrings.quote(entry.key())
                    + " to be a string or a map/struct, got " + ConfigReader.goType(entry.value()));
            return;
        }
        if (destination != null) {
            draft.messageTrace = new MessageTraceSettings(destination, sampling > 0 ? sampling : 100);
        } else if (sampling > 0) {
            reader.warning(entry, "Trace destination sampling ignored since no destination was set");
        }
    }

    private static String traceDestination(ConfigEntry entry, ConfigString text, ConfigReader reader) {
        if (!Subject.isValidPublish(text.value())) {
            reader.error(entry, "Trace destination " + GoStrings.quote(text.value()) + " is not valid");
            return null;
        }
        return text.value();
    }

    private static String fieldNotString(ConfigEntry field, ConfigReader reader) {
        reader.error(field, "Field " + GoStrings.quote(field.key()) + " should be a string, got "
                + ConfigReader.goType(field.value()));
        return null;
    }

    private static String quoted(ConfigValue value) {
        return value instanceof ConfigString text ? GoStrings.quote(text.value())
                : "%!q(" + ConfigReader.goType(value) + "=" + GoValue.of(value) + ")";
    }
}
