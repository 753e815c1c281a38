/**
 * The server's inbound pipeline for a read of PUBs (decoder, session, publish path, outbounds, flush) without the
 * kernel: {@link io.natrium.benchmarks.pipeline.InboundPipelineBenchmark} times it with JMH, and
 * {@link io.natrium.benchmarks.pipeline.InboundPipelineCpu} counts the CPU time it takes per message, a figure a busy
 * machine disturbs far less than elapsed time.
 */
package io.natrium.benchmarks.pipeline;
