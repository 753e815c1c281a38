/**
 * A whole-server load tool: the same scenarios run side by side, in turns, against Natrium, the reference nats-server
 * and, to show the tool is not the limit, its own discard server ({@link io.natrium.benchmarks.load.SinkServer}), each
 * started as a process on 127.0.0.1. The client is lean on purpose: one selector thread for all connections of a run,
 * pre-encoded batched publishing, receivers that count by scanning bytes without allocating, and every correctness
 * check (exact counts, order, no {@code -ERR}). {@link io.natrium.benchmarks.load.LoadTool} is the entry point;
 * docs/benchmarks.md says how to run it and records the figures.
 */
package io.natrium.benchmarks.load;
