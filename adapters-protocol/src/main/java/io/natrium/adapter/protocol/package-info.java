/**
 * The NATS client wire protocol shared by the TCP and WebSocket listeners: {@link
 * io.natrium.adapter.protocol.ClientProtocolDecoder} parses operations in place and drives the connection's
 * {@code ClientSession} (no message objects, no pipeline events per message); {@link
 * io.natrium.adapter.protocol.NettyClientOutbound} queues MSG/HMSG and protocol replies into one pooled buffer per
 * connection and flushes it once per read batch; CONNECT and INFO JSON are read and written here.
 */
package io.natrium.adapter.protocol;
