package io.natrium.domain.permission;

import static io.natrium.domain.permission.ClientPermissionsTest.view;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReservedSubjectsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "_R_.,            true",
        "_R_.abc.def,     true",
        "_R_,             false",
        "$JS.ACK.,        false",
        "$JS.ACK.s.c.1,   true",
        "_GR_.,           false",
        "_GR_.x.y,        true",
        "_INBOX.abc,      false",
        "R_.x,            false",
    })
    void reservedReplies(String reply, boolean reserved) {
        assertThat(ReservedSubjects.isReservedReply(reply)).isEqualTo(reserved);
        assertThat(ReservedSubjects.isReservedReply(view(reply))).isEqualTo(reserved);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"_GR_.x, true", "_GR_., false", "_GR_, false", "foo, false"})
    void gatewayRoutedPublishSubjects(String subject, boolean reserved) {
        assertThat(ReservedSubjects.isGatewayRoutedReply(subject)).isEqualTo(reserved);
        assertThat(ReservedSubjects.isGatewayRoutedReply(view(subject))).isEqualTo(reserved);
    }
}
