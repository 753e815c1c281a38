package io.natrium.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.NonceGenerator;
import io.natrium.domain.auth.PasswordVerifier;
import io.natrium.domain.auth.User;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InventedNoAuthUserTest {

    /** A bcrypt hash, so that the only plain password would be the invented user's. */
    private static final String HASHED = "$2a$11$W2zko751KUvVy59mUTWmpOdWjpEm5qhcCZRd05GjI/sSOT.c9oPYe";

    @Test
    void usersOnlyInTheSysAccountLetEveryoneElseInAsAUserOfTheGlobalAccount() {
        AuthConfiguration auth = AuthConfigurations.of(settings(AccountsSettings.none()
                .withAccounts(List.of(withAdmin("$SYS")))));

        assertThat(auth.noAuthUser()).matches("nats-[0-9A-Za-z]{8}");
        User invented = auth.users().stream().filter(user -> user.username().equals(auth.noAuthUser()))
                .findFirst().orElseThrow();
        assertThat(invented.account()).isEqualTo("$G");
        assertThat(invented.password()).isEqualTo(auth.noAuthUser().substring(6));
        assertThat(AuthConfigurations.of(settings(AccountsSettings.none().withAccounts(List.of(withAdmin("$SYS")))))
                .noAuthUser()).as("the same name at a reload").isEqualTo(auth.noAuthUser());
    }

    @Test
    void aSystemAccountNamedBySystemAccountCountsAsSys() {
        AuthConfiguration auth = AuthConfigurations.of(settings(AccountsSettings.none()
                .withAccounts(List.of(withAdmin("OPS"))).withSystemAccount("OPS")));

        assertThat(auth.noAuthUser()).startsWith("nats-");
    }

    @Test
    void noUserIsInventedWithAnotherAccountAnOwnNoAuthUserOrNoSystemAccountSet() {
        assertThat(AuthConfigurations.of(settings(AccountsSettings.none()
                .withAccounts(List.of(withAdmin("$SYS"), withAdmin("A"))))).noAuthUser())
                .as("two accounts configured").isEmpty();
        assertThat(AuthConfigurations.of(settings(AccountsSettings.none()
                .withAccounts(List.of(withAdmin("$SYS"), withAdmin("A"))).withNoAuthUser("admin-A"))).noAuthUser())
                .as("a no_auth_user of the configuration").isEqualTo("admin-A");
        assertThat(AuthConfigurations.of(settings(AccountsSettings.none()
                .withAccounts(List.of(withAdmin("A"))))).noAuthUser())
                .as("one account, not named $SYS nor by system_account").isEmpty();
    }

    @Test
    void clientsAreStillToldToAuthenticateAndTheInventedPasswordIsNoPlainTextWarning() {
        SecurityPolicy policy = SecurityPolicy.of(settings(AccountsSettings.none()
                .withAccounts(List.of(withAdmin("$SYS")))), PasswordVerifier.rejectingHashes(),
                NonceGenerator.secure());

        assertThat(policy.advertisesAuthRequired()).as("INFO's auth_required, as nats-server 2.9.10 says it")
                .isTrue();
        assertThat(policy.hasPlaintextPasswords()).isFalse();
    }

    private static ServerSettings settings(AccountsSettings accounts) {
        return ServerSettings.defaults().toBuilder().accounts(accounts).build();
    }

    private static AccountSettings withAdmin(String account) {
        return new AccountSettings(account, null, List.of(new UserSettings("admin-" + account, HASHED, null, null,
                Set.of(), false)), List.of(), List.of(), null, List.of(), AccountLimitSettings.unlimited(), null);
    }
}
