package io.natrium.application.server;

import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.jwt.AuthorizationRequest;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Auth callout as connections reach it: the request goes out on the system account's thread and the decision comes
 * back to {@code decided}, on that thread, exactly once: the user granted, or null (refused, unanswered within the
 * timeout, or not sent). Thread-safe.
 */
public interface AuthCallouts {

    /** Without a system account nothing can be asked: every client is refused, as nats-server refuses it. */
    AuthCallouts NONE = (settings, client, timeout, decided) -> decided.accept(null);

    /**
     * @param settings the callout in force
     * @param client   the client, its CONNECT and TLS state (the server and the user key are filled in here)
     * @param timeout  how long to wait for the answer (the authorization {@code timeout})
     */
    void authorize(AuthCalloutSettings settings, AuthorizationRequest client, Duration timeout,
            Consumer<Authenticated> decided);
}
