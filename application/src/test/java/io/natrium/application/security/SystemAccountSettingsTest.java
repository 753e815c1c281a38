package io.natrium.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.ResolvedServiceImport;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SystemAccountSettingsTest {

    private static final AccountsSettings TWO = AccountsSettings.none()
            .withAccounts(List.of(AccountSettings.named("A"), AccountSettings.named("B")));

    @Test
    void theSystemAccountIsSysUnlessNamedAndNoneWhenTurnedOff() {
        assertThat(SystemAccountSettings.name(TWO)).isEqualTo("$SYS");
        assertThat(SystemAccountSettings.name(TWO.withSystemAccount("A"))).isEqualTo("A");
        assertThat(SystemAccountSettings.name(TWO.withNoSystemAccount(true))).isNull();
        assertThat(SystemAccountSettings.name(TWO.withNoSystemAccount(true).withSystemAccount("A")))
                .as("a named system account wins, as in nats-server").isEqualTo("A");
    }

    @Test
    void withoutASystemAccountNothingIsAdded() {
        AccountsSettings none = TWO.withNoSystemAccount(true);

        assertThat(SystemAccountSettings.effective(none)).isSameAs(none);
    }

    @Test
    void theSystemAccountIsAddedWithItsExportsAndEveryOtherAccountImportsThem() {
        AccountsSettings effective = SystemAccountSettings.effective(TWO);

        assertThat(effective.accounts()).extracting(AccountSettings::name).containsExactly("A", "B", "$SYS", "$G");
        AccountSettings system = effective.accounts().get(2);
        assertThat(system.exports()).extracting(ExportSettings::subject, ExportSettings::responseType,
                ExportSettings::accountTokenPosition).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.ACCOUNT.*.CONNZ", ResponseType.STREAM, 4),
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.ACCOUNT.*.STATZ", ResponseType.STREAM, 4),
                        org.assertj.core.groups.Tuple.tuple("$SYS.DEBUG.SUBSCRIBERS", ResponseType.SINGLETON, 0));
        assertThat(effective.accounts().get(3).imports()).extracting(ImportSettings::to, ImportSettings::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.ACCOUNT.PING.CONNZ", "$SYS.REQ.ACCOUNT.$G.CONNZ"),
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.SERVER.PING.CONNZ", "$SYS.REQ.ACCOUNT.$G.CONNZ"),
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.ACCOUNT.PING.STATZ", "$SYS.REQ.ACCOUNT.$G.STATZ"));
        assertThat(system.imports()).isEmpty();
    }

    @Test
    void theImportsResolveAgainstTheExportsWithTheImportersNameClamped() {
        AccountGraph graph = AccountGraphOfSettings.of(SystemAccountSettings.effective(TWO));

        assertThat(graph.serviceImportsOf("A")).extracting(ResolvedServiceImport::localFilter,
                ResolvedServiceImport::exporter).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.ACCOUNT.PING.CONNZ", "$SYS"),
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.SERVER.PING.CONNZ", "$SYS"),
                        org.assertj.core.groups.Tuple.tuple("$SYS.REQ.ACCOUNT.PING.STATZ", "$SYS"));
    }

    @Test
    void aConfiguredSystemAccountKeepsItsUsersAndExportsAndGetsNoImports() {
        ExportSettings own = new ExportSettings(ExportKind.SERVICE, "$SYS.REQ.ACCOUNT.>", List.of(),
                ResponseType.SINGLETON, Duration.ZERO, null, 0, false);
        AccountSettings configured = new AccountSettings("S", null, List.of(), List.of(own), List.of(), null,
                List.of(), io.natrium.application.settings.AccountLimitSettings.unlimited(), null);
        AccountsSettings settings = AccountsSettings.none().withSystemAccount("S")
                .withAccounts(List.of(configured, AccountSettings.named("A")));

        AccountsSettings effective = SystemAccountSettings.effective(settings);

        assertThat(effective.accounts()).extracting(AccountSettings::name).containsExactly("S", "A", "$G");
        assertThat(effective.accounts().get(0).exports()).as("a configured export covering them comes first")
                .extracting(ExportSettings::subject).containsExactly("$SYS.REQ.ACCOUNT.>", "$SYS.DEBUG.SUBSCRIBERS");
        assertThat(effective.accounts().get(1).imports()).extracting(ImportSettings::account).containsOnly("S");
    }
}
