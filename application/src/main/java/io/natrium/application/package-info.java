/**
 * The application layer: use-case ports ({@code port.in}), out-ports ({@code port.out}), the services that
 * implement the use cases ({@code service}) and the per-connection state behind a {@code ClientSession}
 * ({@code session}). It depends on the domain and SLF4J only; adapters reach it through its ports.
 */
package io.natrium.application;
