/**
 * JMH benchmarks of the hot path. Built by the normal build and never run by it; docs/benchmarks.md says how to run
 * them and records the latest figures.
 */
package io.natrium.benchmarks;
