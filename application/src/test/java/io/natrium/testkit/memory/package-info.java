/**
 * The in-memory transport: drives the application's {@code ClientSession}s without Netty or sockets, recording
 * what each client would receive as events and running timers on a manual clock.
 */
package io.natrium.testkit.memory;
