/**
 * The NATS client wire protocol shared by the TCP and WebSocket listeners: the control-line decoder that hands
 * messages to the application as a flyweight, the INFO/MSG/HMSG/-ERR encoders, CONNECT/INFO JSON and the
 * per-connection outbound buffer with batched flushing. Arrives with the core-server issue.
 */
package io.natrium.adapter.protocol;
