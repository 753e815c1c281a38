/**
 * The WebSocket listener: the HTTP upgrade with nats-server's checks ({@link WebsocketUpgradeHandler},
 * {@link OriginCheck}, {@link UpgradeRequest}), then Netty's RFC 6455 frame codec and permessage-deflate around the
 * shared protocol handler: {@link WebsocketFrameHandler} hands each data frame's bytes to the same
 * {@code ClientProtocolDecoder} as TCP and wraps each flush of the same {@code NettyClientOutbound} into one binary
 * frame, as nats-server does.
 */
package io.natrium.adapter.websocket;
