/**
 * A JUnit 5 extension that starts an embedded server per test class or per test method ({@link
 * io.natrium.embedded.junit.Natrium}) and injects it, its URLs or ready jnats connections.
 */
package io.natrium.embedded.junit;
