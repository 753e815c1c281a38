/**
 * The composition root: the main class, Guice modules (in {@code wiring}), the lifecycle and signal handling.
 * Builds the runnable jar. Arrives with the core-server issue.
 */
package io.natrium.bootstrap;
