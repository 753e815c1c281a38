/**
 * The read models monitoring queries return: plain records of the server's state at one moment, with times as
 * {@link java.time.Instant}s and {@link java.time.Duration}s. How they are shown (nats-server's JSON) is the
 * monitoring adapter's business.
 */
package io.natrium.application.port.in.monitoring;
