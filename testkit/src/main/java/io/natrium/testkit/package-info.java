/**
 * Test support shared by the modules, used in test scope only: {@link io.natrium.testkit.RawClient} (a socket that
 * speaks the protocol byte for byte), {@link io.natrium.testkit.ServerProcess} (a nats-server or Natrium process
 * for differential and black-box tests), {@link io.natrium.testkit.ExternalTools} (where the reference nats-server,
 * Chromium and promtool are, and whether a test may skip without them). The in-memory transport that drives the
 * application without Netty ({@code io.natrium.testkit.memory}) and {@code RecordingTracer} live in the application's
 * test sources, beside the tests that use them; the testkit passes them on from the application's tests-jar.
 */
package io.natrium.testkit;
