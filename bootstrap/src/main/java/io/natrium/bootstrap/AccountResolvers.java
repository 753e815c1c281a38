package io.natrium.bootstrap;

import io.natrium.adapter.resolver.DirectoryAccountJwtStore;
import io.natrium.adapter.resolver.HttpAccountJwtFetcher;
import io.natrium.adapter.tls.ClientTlsContext;
import io.natrium.adapter.tls.TlsSetupException;
import io.natrium.application.account.Account;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.resolver.ResolverException;
import io.natrium.application.security.OperatorTrust;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ResolverType;
import io.natrium.domain.jwt.OperatorClaims;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the resolver the settings ask for, as nats-server's {@code configureResolver}: a directory resolver
 * ({@code resolver { type: full|cache, dir }}) reads its directory, stores the preloaded JWTs unless it holds newer
 * ones and puts its accounts in force before the system account starts; a URL resolver fetches accounts as clients
 * need them.
 */
final class AccountResolvers {

    private static final Logger LOG = LoggerFactory.getLogger(AccountResolvers.class);

    private AccountResolvers() {
    }

    /**
     * The directory resolver in force, or null when the settings configure none; a URL resolver (or an operator's
     * account server) starts fetching instead, the system account first.
     */
    static DirectoryResolver open(OperatorSettings operator, ServerContext context) {
        ResolverSettings resolver = operator.resolver();
        String url = accountServer(operator);
        if (url != null) {
            Duration timeout = resolver == null || resolver.timeout().isZero()
                    ? HttpAccountJwtFetcher.DEFAULT_TIMEOUT : resolver.timeout();
            HttpAccountJwtFetcher fetcher = new HttpAccountJwtFetcher(url, timeout, resolverTls(operator));
            // As nats-server, a basic test that the account server is there: the start fails without it.
            fetcher.fetch("");
            context.accountFetcher(fetcher);
            Account system = context.systemAccount();
            if (system != null && !context.accountJwts().containsKey(system.name())) {
                Sessions.fetchAccount(context, system.name());
            }
            return null;
        }
        if (!operator.enabled() || resolver == null
                || resolver.type() != ResolverType.FULL && resolver.type() != ResolverType.CACHE) {
            return null;
        }
        DirectoryResolver directory;
        try {
            DirectoryAccountJwtStore store = DirectoryAccountJwtStore.open(Path.of(resolver.dir()));
            directory = resolver.type() == ResolverType.FULL
                    ? DirectoryResolver.full(store, resolver.allowDelete(), resolver.limit())
                    : DirectoryResolver.cache(store, resolver.limit(), resolver.ttl(), System::currentTimeMillis);
        } catch (IOException e) {
            throw new IllegalStateException("could not open the account resolver's directory " + resolver.dir() + ": "
                    + e.getMessage(), e);
        }
        for (Map.Entry<String, String> preload : operator.resolverPreload().entrySet()) {
            try {
                directory.saveIfNewer(preload.getKey(), preload.getValue());
            } catch (ResolverException e) {
                throw new IllegalStateException("preload account error for \"" + preload.getKey() + "\": "
                        + e.getMessage(), e);
            }
        }
        context.applyAccountJwts(directory.jwts());
        return directory;
    }

    /** The TLS context of {@code resolver_tls}; null without one (the JDK's trusted authorities decide). */
    private static SSLContext resolverTls(OperatorSettings operator) {
        if (operator.resolverTls() == null) {
            return null;
        }
        try {
            return ClientTlsContext.of(operator.resolverTls());
        } catch (TlsSetupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The account server accounts are fetched from: the URL resolver's, or (with no {@code resolver}) the single
     * operator's {@code account_server_url} with {@code /accounts} added, as nats-server adds it for {@code nsc push};
     * null for none.
     */
    private static String accountServer(OperatorSettings operator) {
        if (!operator.enabled()) {
            return null;
        }
        ResolverSettings resolver = operator.resolver();
        if (resolver != null) {
            return resolver.type() == ResolverType.URL ? resolver.url() : null;
        }
        List<OperatorClaims> operators = OperatorTrust.operators(operator);
        if (operators.size() == 1 && !operators.get(0).accountServerUrl().isEmpty()) {
            return operators.get(0).accountServerUrl() + "/accounts";
        }
        return null;
    }

    /** nats-server's notice once the resolver runs. */
    static void started(DirectoryResolver directory, ResolverSettings resolver) {
        LOG.info("Managing {} jwt in exclusive directory {}", directory.isCache() ? "some" : "all",
                Path.of(resolver.dir()).toAbsolutePath());
    }
}
