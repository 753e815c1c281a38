/**
 * Netty leak reports as test failures: {@link io.natrium.testkit.leak.LeakRecordingInstaller} puts a recording leak
 * detector in place before any buffer class loads, and {@link io.natrium.testkit.leak.NettyLeakGuard} fails the test
 * class after which a leak was reported. Both are found through {@code ServiceLoader} wherever the testkit is on the
 * test class path.
 */
package io.natrium.testkit.leak;
