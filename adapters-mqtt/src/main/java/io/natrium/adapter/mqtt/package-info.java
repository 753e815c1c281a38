/**
 * The MQTT 3.1.1 listener: Netty's MQTT codec frames the packets, each client is a NATS client session of the
 * application (its CONNECT authenticated, its subscriptions and publishes permission-checked, in its account), and
 * what NATS delivers to it leaves through the protocol adapter's outbound as MQTT PUBLISH packets.
 */
package io.natrium.adapter.mqtt;
