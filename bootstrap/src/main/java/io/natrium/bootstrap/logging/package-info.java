/**
 * The only code that knows Logback: a programmatic configuration (reading Logback's XML alone took a third of the
 * half-second start-up budget) and nats-server's line layout. Everything else logs through SLF4J.
 */
package io.natrium.bootstrap.logging;
