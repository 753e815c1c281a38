/**
 * Accounts and what they hold: each account's sublist of client subscriptions, its imports and exports (service
 * and stream routes, response routes, latency tracking), its traffic counters, and the cross-account delivery that
 * follows imports. A subscription reaches its connection only through a {@code DeliveryTarget}; nothing here knows
 * the session or the server.
 */
package io.natrium.application.account;
