/** What the application needs from the world: sending to a client, scheduling on its thread. */
package io.natrium.application.port.out;
