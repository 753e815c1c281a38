/**
 * A whole-server load tool: the same scenarios run side by side, alternating, against Natrium and the reference
 * nats-server, each started as a process on 127.0.0.1. The clients speak the raw protocol over blocking sockets and
 * check exact delivery counts. {@link io.natrium.benchmarks.load.LoadTool} is the entry point; docs/benchmarks.md
 * says how to run it and records the figures.
 */
package io.natrium.benchmarks.load;
