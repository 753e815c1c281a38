/**
 * A Natrium server started from code: {@link io.natrium.embedded.NatriumServer}, wired by the bootstrap's Guice
 * modules as the {@code natrium} command wires it, without the command's process concerns (signals, exit codes).
 */
package io.natrium.embedded;
