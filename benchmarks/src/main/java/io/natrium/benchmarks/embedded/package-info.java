/** The embedded server: how fast it starts once the JVM has started one, and its in-process round trip. */
package io.natrium.benchmarks.embedded;
