/**
 * The composition root: the main class, the server lifecycle (start, lame duck, shutdown), logging set-up and
 * signal handling. Guice modules live in {@code wiring}; nothing else in Natrium knows Guice.
 */
package io.natrium.bootstrap;
