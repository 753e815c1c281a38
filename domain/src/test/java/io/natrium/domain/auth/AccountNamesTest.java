package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void onlyTheGlobalAccountIsReserved() {
        assertThat(AccountNames.isReserved("$G")).isTrue();
        assertThat(AccountNames.isReserved("$SYS")).as("may be declared to give it users").isFalse();
        assertThat(AccountNames.isReserved("A")).isFalse();
        assertThat(AccountNames.reservedError("$G")).isEqualTo("\"$G\" is a Reserved Account");
    }
}
