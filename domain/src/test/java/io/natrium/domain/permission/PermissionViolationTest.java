package io.natrium.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact {@code -ERR} texts, with Go's {@code %q} quoting inside them (more of it in {@code GoStringsTest}). */
class PermissionViolationTest {

    @Test
    void publishTexts() {
        assertThat(PermissionViolation.publish("foo.bar"))
                .isEqualTo("Permissions Violation for Publish to \"foo.bar\"");
        assertThat(PermissionViolation.publishWithReply("_R_.x"))
                .isEqualTo("Permissions Violation for Publish with Reply of \"_R_.x\"");
    }

    @Test
    void subscriptionTexts() {
        assertThat(PermissionViolation.subscription("foo.*", null))
                .isEqualTo("Permissions Violation for Subscription to \"foo.*\"");
        assertThat(PermissionViolation.subscription("foo.*", ""))
                .isEqualTo("Permissions Violation for Subscription to \"foo.*\"");
        assertThat(PermissionViolation.subscription("foo", "v1"))
                .isEqualTo("Permissions Violation for Subscription to \"foo\" using queue \"v1\"");
        assertThat(PermissionViolation.subscriptionTooManyTokens("a.b.c"))
                .isEqualTo("Permissions Violation for Subscription to \"a.b.c\", too many tokens");
    }

    @Test
    void removedSubscriptionTextsCarryTheSid() {
        assertThat(PermissionViolation.removedSubscription("foo", null, "7"))
                .isEqualTo("Permissions Violation for Subscription to \"foo\" (sid \"7\")");
        assertThat(PermissionViolation.removedSubscription("foo", "v1", "sid-2"))
                .isEqualTo("Permissions Violation for Subscription to \"foo\" using queue \"v1\" (sid \"sid-2\")");
    }

    @Test
    void oddCharactersAreQuotedAsGoQuotesThem() {
        assertThat(PermissionViolation.publish("a\"b\\c\u0001"))
                .isEqualTo("Permissions Violation for Publish to \"a\\\"b\\\\c\\x01\"");
        assertThat(PermissionViolation.subscription("é", "q\u007f"))
                .isEqualTo("Permissions Violation for Subscription to \"é\" using queue \"q\\x7f\"");
    }
}
