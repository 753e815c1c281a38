/**
 * What the application needs from the world: sending to a client, scheduling on its thread, writing the messages the
 * server publishes itself ({@link io.natrium.application.port.out.ServerMessageEncoder}).
 */
package io.natrium.application.port.out;
