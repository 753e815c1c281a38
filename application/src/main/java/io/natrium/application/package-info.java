/**
 * The application layer: use-case ports ({@code port.in}), out-ports ({@code port.out}), the services that
 * implement the use cases and the per-connection session state. It depends on the domain and SLF4J only; adapters
 * reach it through its ports. Arrives with the core-server issue.
 */
package io.natrium.application;
