/** Guice modules, one per adapter and one for the application, with explicit {@code @Provides} methods. */
package io.natrium.bootstrap.wiring;
