package io.natrium.application.session;

/**
 * Go's {@code %q}: a double-quoted string with backslash escapes, as nats-server writes subjects into its error
 * texts ({@code Permissions Violation for Publish to "a.b"}). The implementation is the domain's
 * {@link io.natrium.domain.GoQuote}, which domain errors need as well.
 */
public final class GoQuote {

    private GoQuote() {
    }

    public static String of(String text) {
        return io.natrium.domain.GoQuote.of(text);
    }
}
