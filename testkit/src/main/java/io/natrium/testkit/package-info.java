/**
 * Test support shared by the modules, used in test scope only: {@link io.natrium.testkit.RawClient} (a socket that
 * speaks the protocol byte for byte), {@link io.natrium.testkit.ServerProcess} (a nats-server or Natrium process
 * for differential and black-box tests), {@link io.natrium.testkit.ExternalTools} (where the reference nats-server,
 * Chromium and promtool are, and whether a test may skip without them) and the in-memory transport that drives the
 * application without Netty.
 */
package io.natrium.testkit;
