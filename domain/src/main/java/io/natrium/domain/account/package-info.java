/**
 * Accounts' exports and imports, as nats-server configures them ({@code server/accounts.go}, the account part of
 * {@code server/opts.go}). An account exports streams (messages flow out to importers) and services (requests flow
 * in from importers), each public or authorized for named accounts or for the account named by a subject token; it
 * imports streams and services from other accounts. {@link io.natrium.domain.account.AccountGraph#build} checks a
 * whole set of {@link io.natrium.domain.account.AccountDefinition}s the way nats-server does at load (authorization,
 * subjects, transforms, duplicates, cycles) and answers, per account, which imports apply and how their subjects are
 * rewritten. Pure values, no I/O; errors carry nats-server's text.
 */
package io.natrium.domain.account;
