/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), so tests check a {@code /metrics}
 * answer against the grammar a Prometheus server applies, not against the writer's own idea of it.
 */
package io.natrium.testkit.prometheus;
