/**
 * JMH benchmarks of the hot path; the whole-server load tool is in {@link io.natrium.benchmarks.load}. Built by the
 * normal build and never run by it; docs/benchmarks.md says how to run them and records the latest figures.
 */
package io.natrium.benchmarks;
