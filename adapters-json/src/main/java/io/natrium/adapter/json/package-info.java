/**
 * Go's JSON text for the adapters that write JSON a NATS client or tool compares with nats-server's: the wire
 * protocol's INFO and the monitoring and system-account answers. One place, so that both escape alike.
 */
package io.natrium.adapter.json;
