/** Figures behind the choice of the MQTT store (docs/architecture.md, "The MQTT store"). */
package io.natrium.benchmarks.store;
