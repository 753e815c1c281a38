/**
 * The pure model of NATS: no I/O, no logging and no dependency beyond the JDK, so that tools can reuse it offline.
 * Subjects and their wildcards live in {@code subject}, the subscription trie in {@code sublist}.
 */
package io.natrium.domain;
