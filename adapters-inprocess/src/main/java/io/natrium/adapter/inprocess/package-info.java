/**
 * The in-process client transport: the same NATS protocol handler as TCP over Netty's local channels, addressed by
 * name inside one JVM. A window per direction stands in for the socket buffers, so a reader that stops reading
 * holds the writer back as a socket would (slow consumers and producer stalls behave as over TCP).
 */
package io.natrium.adapter.inprocess;
