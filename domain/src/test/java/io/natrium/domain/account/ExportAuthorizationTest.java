package io.natrium.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nats-server's {@code checkAuth} for configured exports: public, named accounts, and the account token. */
class ExportAuthorizationTest {

    private static ExportAuthorization authorization(String accounts, int position) {
        return new ExportAuthorization(accounts.isEmpty() ? Set.of() : Set.of(accounts.split(" ")), position);
    }

    @ParameterizedTest(name = "accounts [{0}] position {1}: {2} importing {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # accounts | position | importer | subject       | authorized
                       | 0        | B        | orders.>      | true
                       | 0        | anyone   | a             | true
            B C        | 0        | B        | orders.new    | true
            B C        | 0        | C        | orders.new    | true
            B C        | 0        | D        | orders.new    | false
            B C        | 0        | b        | orders.new    | false
                       | 2        | B        | orders.B.new  | true
                       | 2        | B        | orders.C.new  | false
                       | 2        | C        | orders.C.>    | true
                       | 2        | B        | orders.*.new  | false
                       | 2        | B        | orders.>      | false
                       | 3        | B        | orders.B      | false
                       | 1        | B        | B             | true
            # The position wins over the account list, as in nats-server.
            C          | 2        | C        | orders.B.new  | false
            C          | 2        | B        | orders.B.new  | true
            """)
    void authorizesAsNatsServer(String accounts, int position, String importer, String subject, boolean expected) {
        ExportAuthorization authorization = authorization(accounts == null ? "" : accounts, position);

        assertThat(authorization.authorizes(importer, subject)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({"a.*.c, 2, true", "a.*.c, 1, false", "a.*.c, 4, false", "a.>, 2, false", "*, 1, true",
        "a.b, 0, true"})
    void aTokenPositionMustPointAtAWildcardOfTheExport(String subject, int position, boolean fits) {
        assertThat(ExportAuthorization.byTokenPosition(position).fitsSubject(subject)).isEqualTo(fits);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # earlier | earlier position | later | later position | merged accounts | merged position
                      | 0                | B     | 0              | B               | 0
            B         | 0                |       | 0              | B               | 0
            B         | 0                | C     | 0              | B C             | 0
            B         | 0                | C     | 2              | B C             | 2
            B         | 2                | C     | 0              | B C             | 0
            """)
    void exportingASubjectAgainMergesAsNatsServerUpdatesItsEntry(String earlier, int earlierPosition, String later,
            int laterPosition, String merged, int mergedPosition) {
        ExportAuthorization result = authorization(earlier == null ? "" : earlier, earlierPosition)
                .mergedWith(authorization(later == null ? "" : later, laterPosition));

        assertThat(result.accounts()).containsExactlyElementsOf(List.of(merged.split(" ")));
        assertThat(result.accountTokenPosition()).isEqualTo(mergedPosition);
    }

    @Test
    void publicIsNoAccountsAndNoPosition() {
        assertThat(ExportAuthorization.PUBLIC.isPublic()).isTrue();
        assertThat(ExportAuthorization.forAccounts(List.of("A")).isPublic()).isFalse();
        assertThat(ExportAuthorization.byTokenPosition(1).isPublic()).isFalse();
    }
}
