package io.natrium.bootstrap.check;

import io.natrium.application.security.MappingsOfSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.MappingSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.AccountNames;
import io.natrium.domain.transform.SubjectMappings;

import java.util.List;

/** The subject mappings of one account, built from the settings as the server's account registry builds them. */
final class AccountMappings {

    private AccountMappings() {
    }

    /** The top-level {@code mappings} for {@code $G}, the account's own otherwise; none for an undeclared account. */
    static SubjectMappings of(ServerSettings settings, String account) {
        return MappingsOfSettings.of(configured(settings, account));
    }

    private static List<MappingSettings> configured(ServerSettings settings, String account) {
        if (AccountNames.GLOBAL.equals(account)) {
            return settings.accounts().mappings();
        }
        for (AccountSettings declared : settings.accounts().accounts()) {
            if (declared.name().equals(account)) {
                return declared.mappings();
            }
        }
        return List.of();
    }
}
