/**
 * What the server shares across connections: the {@code ServerContext} (configuration snapshot, identity, accounts,
 * statistics, lame duck and shutdown state), the registry of open clients as {@code RegisteredClient}s, the closed
 * connections kept for monitoring and the read-only {@code ConnectionView} monitoring reads.
 */
package io.natrium.application.server;
