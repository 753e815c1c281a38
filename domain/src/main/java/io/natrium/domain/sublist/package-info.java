/**
 * The subscription trie ({@link io.natrium.domain.sublist.Sublist}): subscriptions stored by filter, one level per
 * token with separate slots for the {@code *} and {@code >} wildcards, matched against literal subjects. A shared
 * result cache sits in front of the trie and a per-connection {@link io.natrium.domain.sublist.MatchCache} in front
 * of that, kept honest by the sublist's generation id. A {@link io.natrium.domain.sublist.FrozenSublist} is the same
 * trie built once and read without a lock. Behaviour follows nats-server's {@code server/sublist.go}.
 */
package io.natrium.domain.sublist;
