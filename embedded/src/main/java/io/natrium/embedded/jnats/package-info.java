/**
 * jnats over the in-process transport: a {@code DataPort} that connects a real jnats {@code Connection} to an
 * embedded server with no socket, and the options that select it.
 */
package io.natrium.embedded.jnats;
