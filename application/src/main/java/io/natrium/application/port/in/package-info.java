/** What drives the application: use cases and the per-connection {@code ClientSession}. */
package io.natrium.application.port.in;
