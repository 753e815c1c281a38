/**
 * The only code that knows Logback: a programmatic configuration (reading Logback's XML alone took a third of the
 * half-second start-up budget), nats-server's line layout, its destinations (standard error, a rotating log file,
 * local or remote syslog) and the protocol tracer. {@link io.natrium.bootstrap.logging.Logging} is what the rest of
 * bootstrap calls; everything else logs through SLF4J.
 */
package io.natrium.bootstrap.logging;
