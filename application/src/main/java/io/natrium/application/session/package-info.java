/**
 * One client connection's session: the {@code ClientConnection} facade and its parts (authentication, the publish
 * path from match to fan-out and flush, the subscription table, keep-alive, counters, log prefix), and
 * {@code Sessions}, where the application opens sessions and tells all of them about server-wide events.
 */
package io.natrium.application.session;
