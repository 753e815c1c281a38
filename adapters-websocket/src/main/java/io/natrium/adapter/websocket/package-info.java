/**
 * The WebSocket listener: HTTP upgrade, origin checks, cookie credentials and the frame unwrap/wrap around the
 * shared protocol codec. Arrives with the WebSocket issue.
 */
package io.natrium.adapter.websocket;
