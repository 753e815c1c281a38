package io.natrium.application.settings;

import java.util.List;

/**
 * One account of the {@code accounts} block.
 *
 * @param name               the account name
 * @param nkey               the account's public nkey ({@code A...}); null for none
 * @param users              its users
 * @param exports            what it exports
 * @param imports            what it imports
 * @param defaultPermissions permissions of its users that have none of their own; null for none
 * @param mappings           its subject mappings
 * @param limits             its limits
 * @param messageTrace       message tracing; null for none
 */
public record AccountSettings(
        String name,
        String nkey,
        List<UserSettings> users,
        List<ExportSettings> exports,
        List<ImportSettings> imports,
        PermissionSettings defaultPermissions,
        List<MappingSettings> mappings,
        AccountLimitSettings limits,
        MessageTraceSettings messageTrace) {

    public AccountSettings {
        users = List.copyOf(users);
        exports = List.copyOf(exports);
        imports = List.copyOf(imports);
        mappings = List.copyOf(mappings);
    }

    /** An account with a name and nothing else, as {@code accounts: [a, b]} declares them. */
    public static AccountSettings named(String name) {
        return new AccountSettings(name, null, List.of(), List.of(), List.of(), null, List.of(),
                AccountLimitSettings.unlimited(), null);
    }
}
