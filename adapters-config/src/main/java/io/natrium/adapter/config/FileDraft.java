package io.natrium.adapter.config;

import io.natrium.application.settings.ServerSettings;

import java.util.HashSet;
import java.util.Set;

/**
 * The settings being read from one configuration file, and what the blocks read so far imply for the next ones:
 * users must be unique across {@code authorization} and {@code accounts}, and a single user or a token excludes
 * users elsewhere. nats-server checks these in the order it meets the blocks; so does Natrium, in file order.
 */
final class FileDraft {

    final ServerSettings.Builder settings;
    /** User names and nkeys defined so far. */
    final Set<String> userIdentities = new HashSet<>();
    /** The authorization block has a single user. */
    boolean singleUser;
    /** The authorization block has a token. */
    boolean token;

    FileDraft(ServerSettings base) {
        settings = base.toBuilder();
    }
}
