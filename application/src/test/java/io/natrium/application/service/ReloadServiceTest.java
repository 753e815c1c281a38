package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.port.out.ReloadPlan;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A reload that fails in any way is a refusal: logged, reported, and the running settings kept whole. */
class ReloadServiceTest {

    private static final ServerSettings RUNNING = withAccount("A", "alice");

    private final ServerContext server = new ServerContext(RUNNING,
            new ServerIdentity("NRELOAD", "reload", "2.11.0", "java-test"), Runnable::run);
    private final List<ServerSettings> observed = new ArrayList<>();

    private static ServerSettings withAccount(String account, String username) {
        UserSettings user = new UserSettings(username, "secret", null, null, Set.of(), false);
        AccountSettings settings = new AccountSettings(account, null, List.of(user), List.of(), List.of(), null,
                List.of(), AccountLimitSettings.unlimited(), null);
        return ServerSettings.builder().accounts(accounts -> accounts.withAccounts(List.of(settings))).build();
    }

    private ReloadService reloadFrom(ConfigurationSource source) {
        return new ReloadService(server, source, (previous, current) -> observed.add(current));
    }

    @Test
    void aSourceThatThrowsIsAFailedReloadNotADeadThread() {
        ReloadService reload = reloadFrom(running -> {
            throw new IllegalStateException("the file vanished");
        });

        ReloadResult result = reload.reload();

        assertThat(result).isEqualTo(new ReloadResult.Failed(List.of("the file vanished")));
        assertThat(server.settings()).isSameAs(RUNNING);
        assertThat(observed).isEmpty();
    }

    @Test
    void settingsThatCannotBePutInForceLeaveTheRunningOnesWhole() {
        // Natrium's own domain refuses a user without a name; the configuration checks should have caught it.
        ServerSettings unusable = withAccount("B", "");
        ReloadService reload = reloadFrom(running -> new ReloadPlan(unusable, List.of("accounts"), List.of()));
        Object securityBefore = server.security();

        ReloadResult result = reload.reload();

        assertThat(result).isInstanceOf(ReloadResult.Failed.class);
        assertThat(server.settings()).isSameAs(RUNNING);
        assertThat(server.security()).isSameAs(securityBefore);
        assertThat(server.accounts().find("A")).isNotNull();
        assertThat(server.accounts().find("B")).isNull();
        assertThat(observed).isEmpty();
    }

    @Test
    void aGoodPlanIsPutInForceAndAnnounced() {
        ServerSettings next = withAccount("B", "bob");
        ReloadService reload = reloadFrom(running -> new ReloadPlan(next, List.of("accounts"), List.of()));

        assertThat(reload.reload()).isEqualTo(new ReloadResult.Reloaded(List.of("accounts")));
        assertThat(server.settings()).isSameAs(next);
        assertThat(server.accounts().find("B")).isNotNull();
        assertThat(observed).containsExactly(next);
    }
}
