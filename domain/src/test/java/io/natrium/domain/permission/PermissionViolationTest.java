package io.natrium.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact {@code -ERR} texts, and Go's {@code %q} quoting inside them. */
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

    /** Expected values follow Go's {@code strconv.Quote}, which {@code %q} uses. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain                | foo.bar                  | \"foo.bar\"",
        "quote and backslash  | a\"b\\c                  | \"a\\\"b\\\\c\"",
        "printable unicode    | ünïcödé.日本.🙂          | \"ünïcödé.日本.🙂\"",
        "replacement char     | \uFFFD                   | \"\uFFFD\"",
    })
    void printableTextStays(String what, String text, String quoted) {
        assertThat(GoQuote.of(text)).isEqualTo(quoted);
    }

    @Test
    void controlAndInvisibleCharactersAreEscaped() {
        assertThat(GoQuote.of("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
        assertThat(GoQuote.of("\u0000\u001b\u007f")).isEqualTo("\"\\x00\\x1b\\x7f\"");
        assertThat(GoQuote.of("\u0085\u00a0\u00ad")).as("C1 control, no-break space, soft hyphen")
                .isEqualTo("\"\\u0085\\u00a0\\u00ad\"");
        assertThat(GoQuote.of("\u2028\ue000")).as("line separator, private use")
                .isEqualTo("\"\\u2028\\ue000\"");
        assertThat(GoQuote.of(new String(Character.toChars(0xE0001)))).as("language tag")
                .isEqualTo("\"\\U000e0001\"");
        assertThat(GoQuote.of(" ")).isEqualTo("\" \"");
        assertThat(GoQuote.of("")).isEqualTo("\"\"");
    }

    @Test
    void aClientsByteThatIsNotUtf8IsWrittenAsThatByte() {
        // The subject as the decoder keeps the client's bytes 66 ff 2e fe.
        assertThat(PermissionViolation.publish("f\udcff.\udcfe"))
                .isEqualTo("Permissions Violation for Publish to \"f\\xff.\\xfe\"");
        assertThat(PermissionViolation.subscription("x.\udced\udca0\udc80", "q\udcc3"))
                .isEqualTo("Permissions Violation for Subscription to \"x.\\xed\\xa0\\x80\" using queue \"q\\xc3\"");
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheBytesGoWouldSeeForIt() {
        assertThat(GoQuote.of("a\uD800b")).isEqualTo("\"a\\xed\\xa0\\x80b\"");
        assertThat(GoQuote.of("\uDFFF")).isEqualTo("\"\\xed\\xbf\\xbf\"");
    }
}
