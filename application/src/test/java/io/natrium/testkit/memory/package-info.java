/**
 * The in-memory transport: drives the application's {@code ClientSession}s without Netty or sockets, recording what
 * each client would receive as events. It behaves like the TCP transport where the application can tell: each
 * connection has its own event loop ({@link io.natrium.testkit.memory.ManualExecutor}, run by the test's thread on a
 * manual clock) on which its reads and the work handed to it run, work from other threads and connections queues for
 * that loop, pending data is counted in bytes as on the wire, and every close is reported back to the session by the
 * transport. It bypasses the codec: it is a fake of the ports, not of the network.
 *
 * <p>The classes live in the application's test sources, next to the tests that drive the application with them, and
 * reach the other modules through the application's tests-jar, which the testkit passes on.
 */
package io.natrium.testkit.memory;
