/**
 * nats-server's command line (and, with the configuration issue, its configuration language), turned into
 * immutable {@code ServerSettings}. Flags follow Go's {@code flag} package: {@code -x} and {@code --x} alike,
 * {@code -x=v} or {@code -x v}, booleans negated with {@code -x=false}, parsing stops at the first non-flag.
 */
package io.natrium.adapter.config;
