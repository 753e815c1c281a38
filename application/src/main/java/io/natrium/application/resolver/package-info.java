/**
 * Operator mode's account resolvers as nats-server runs them: the directory resolvers ({@code full}, {@code cache})
 * over an {@link io.natrium.application.port.out.AccountJwtStore}, what they hold, and the claim updates that change
 * it.
 */
package io.natrium.application.resolver;
