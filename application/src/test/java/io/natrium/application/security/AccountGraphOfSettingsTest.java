package io.natrium.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.AccountGraphException;
import io.natrium.domain.account.ExportAuthorization;
import io.natrium.domain.account.ServiceExport;
import io.natrium.domain.account.ServiceLatency;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccountGraphOfSettingsTest {

    private static AccountSettings account(String name, List<ExportSettings> exports, List<ImportSettings> imports) {
        return new AccountSettings(name, null, List.of(), exports, imports, null, List.of(),
                AccountLimitSettings.unlimited(), null);
    }

    private static AccountsSettings accounts(AccountSettings... accounts) {
        return AccountsSettings.none().withAccounts(List.of(accounts));
    }

    @Test
    void everyExportAndImportSettingReachesTheGraph() {
        AccountGraph graph = AccountGraphOfSettings.of(accounts(
                account("A", List.of(
                        new ExportSettings(ExportKind.STREAM, "s.>", List.of("B"), ResponseType.SINGLETON,
                                Duration.ZERO, null, 0, false),
                        new ExportSettings(ExportKind.SERVICE, "q.*", List.of(), ResponseType.SINGLETON,
                                Duration.ofSeconds(3), new LatencySettings(20, false, "lat"), 0, true),
                        new ExportSettings(ExportKind.SERVICE, "c.*", List.of(), ResponseType.CHUNKED,
                                Duration.ZERO, null, 2, false)), List.of()),
                account("B", List.of(), List.of(
                        new ImportSettings(ExportKind.STREAM, "A", "s.>", "from.a", null, false, true),
                        new ImportSettings(ExportKind.SERVICE, "A", "q.*", null, "ask.*", true, false),
                        new ImportSettings(ExportKind.SERVICE, "A", "c.B", null, null, false, false)))));

        assertThat(graph.streamImportsOf("B")).singleElement()
                .satisfies(imported -> assertThat(imported.localSubject("s.x")).isEqualTo("from.a.s.x"));
        assertThat(graph.serviceImportsOf("B")).hasSize(2).first().satisfies(imported -> {
            assertThat(imported.exporterSubject("ask.me")).isEqualTo("q.me");
            assertThat(imported.export()).isEqualTo(new ServiceExport("q.*", ExportAuthorization.PUBLIC,
                    io.natrium.domain.account.ResponseType.SINGLETON, Duration.ofSeconds(3),
                    new ServiceLatency(20, false, "lat"), true));
        });
        assertThat(graph.serviceExportFor("A", "c.B")).map(ServiceExport::authorization)
                .contains(new ExportAuthorization(Set.of(), 2));
        assertThat(graph.serviceExportFor("A", "c.B")).map(ServiceExport::responseType)
                .contains(io.natrium.domain.account.ResponseType.CHUNKED);
    }

    @Test
    void problemsComeBackInNatsServersWords() {
        AccountGraphException thrown = catchThrowableOfType(AccountGraphException.class,
                () -> AccountGraphOfSettings.of(accounts(
                        account("A", List.of(new ExportSettings(ExportKind.STREAM, "s", List.of("A"),
                                ResponseType.SINGLETON, Duration.ZERO, null, 0, false)), List.of()),
                        account("B", List.of(), List.of(
                                new ImportSettings(ExportKind.STREAM, "A", "s", null, null, false, false))))));

        assertThat(thrown.errors()).containsExactly("Error adding stream import \"s\": stream import not authorized");
    }
}
