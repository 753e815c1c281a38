/**
 * The monitoring HTTP server: /varz, /connz, /subsz, /accountz, /healthz and friends with nats-server JSON, plus
 * the dashboard. Reads server state through application query use cases only. Arrives with the monitoring issue.
 */
package io.natrium.adapter.monitor;
