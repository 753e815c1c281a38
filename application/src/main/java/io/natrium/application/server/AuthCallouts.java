package io.natrium.application.server;

import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.jwt.AuthorizationRequest;
import io.natrium.domain.jwt.CalloutProxy;
import io.natrium.domain.jwt.CalloutResponseCheck.Verdict;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Auth callout as connections reach it: the request goes out on the system account's thread and the decision comes
 * back to {@code decided}, on that thread, exactly once: the user granted, or the refusal (refused, unanswered within
 * the timeout, or not sent). Thread-safe.
 */
public interface AuthCallouts {

    /** Without a system account nothing can be asked: every client is refused, as nats-server refuses it. */
    AuthCallouts NONE = (settings, client, proxy, timeout, decided) ->
            decided.accept(Verdict.refusedAs("No system account for auth callout"));

    /**
     * @param settings the callout in force
     * @param client   the client, its CONNECT and TLS state (the server and the user key are filled in here)
     * @param proxy    what the trusted proxies said of the client: a grant needing one that did not vouch is refused
     * @param timeout  how long to wait for the answer (the authorization {@code timeout})
     */
    void authorize(AuthCalloutSettings settings, AuthorizationRequest client, CalloutProxy proxy, Duration timeout,
            Consumer<Verdict> decided);

    /**
     * A request nobody can answer: nats-server asks the callout about a client its account's callout decides even when
     * its user JWT was refused, in the account the client is in, the global account, where no service can listen, and
     * refuses it at the timeout. Nothing is sent (the client's credentials go nowhere); the refusal comes, from the
     * system thread, after {@code timeout}. By default at once.
     */
    default void unanswerable(String account, Duration timeout, Consumer<Verdict> decided) {
        decided.accept(Verdict.refusedAs(notAnsweredInTime(account)));
    }

    /** nats-server's debug line when no answer came. */
    static String notAnsweredInTime(String account) {
        return "Authorization callout response not received in time on account " + GoStrings.quote(account);
    }
}
