/**
 * nats-server's configuration language, read into a tree of positioned values: {@link
 * io.natrium.adapter.config.syntax.ConfigParser} turns a file (with its includes and variables) into a {@link
 * io.natrium.adapter.config.syntax.ConfigMap}, plus {@link io.natrium.adapter.config.syntax.ConfigError}s that say
 * where. What the keys mean is the business of the settings mapper, not of this package.
 *
 * <p>Inside: a {@code Cursor} walks the text, the {@code Lexer} reads keys and values from it, the {@code Parser}
 * builds maps and arrays and recovers after errors, {@code Variables} and {@code Scope} resolve {@code $name},
 * {@code Includes} finds and reads included files, {@code SizeSuffix} and {@code Scalars} turn tokens into values,
 * {@code ExpansionBudget} bounds what variables can build, and {@code ConfigDigest} computes nats-server's
 * {@code config_digest}.
 */
package io.natrium.adapter.config.syntax;
