/**
 * nats-server's configuration language, read into a tree of positioned values: {@link
 * io.natrium.adapter.config.syntax.ConfigParser} turns a file (with its includes and variables) into a {@link
 * io.natrium.adapter.config.syntax.ConfigMap}, or into {@link io.natrium.adapter.config.syntax.ConfigError}s that
 * say where. What the keys mean is the business of the settings mapper, not of this package.
 */
package io.natrium.adapter.config.syntax;
