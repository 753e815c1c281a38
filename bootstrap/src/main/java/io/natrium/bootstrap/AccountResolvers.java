package io.natrium.bootstrap;

import io.natrium.adapter.resolver.DirectoryAccountJwtStore;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.resolver.ResolverException;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ResolverType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the directory resolver the settings ask for ({@code resolver { type: full|cache, dir }}), as nats-server's
 * {@code configureResolver}: the directory read, the preloaded JWTs stored in it unless it holds newer ones, and its
 * accounts put in force before the system account starts.
 */
final class AccountResolvers {

    private static final Logger LOG = LoggerFactory.getLogger(AccountResolvers.class);

    private AccountResolvers() {
    }

    /** The directory resolver in force, or null when the settings configure none. */
    static DirectoryResolver open(OperatorSettings operator, ServerContext context) {
        ResolverSettings resolver = operator.resolver();
        if (!operator.enabled() || resolver == null
                || resolver.type() != ResolverType.FULL && resolver.type() != ResolverType.CACHE) {
            return null;
        }
        DirectoryResolver directory;
        try {
            DirectoryAccountJwtStore store = DirectoryAccountJwtStore.open(Path.of(resolver.dir()));
            directory = resolver.type() == ResolverType.FULL
                    ? DirectoryResolver.full(store, resolver.allowDelete(), resolver.limit())
                    : DirectoryResolver.cache(store, resolver.limit());
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

    /** nats-server's notice once the resolver runs. */
    static void started(DirectoryResolver directory, ResolverSettings resolver) {
        LOG.info("Managing {} jwt in exclusive directory {}", directory.isCache() ? "some" : "all",
                Path.of(resolver.dir()).toAbsolutePath());
    }
}
