package io.natrium.adapter.config.syntax;

import java.util.List;

/**
 * What reading a configuration gave: the tree (possibly partial when there are errors) and every error found.
 *
 * @param root   the top-level map
 * @param errors syntax errors, unknown variables, include problems, in file order
 * @param digest nats-server's {@code config_digest}: "sha256:" + hex of SHA-256 over the tree as Go's JSON encoder
 *               writes it (keys sorted), so comments, layout, quoting, includes and variables do not change it
 */
public record ParseResult(ConfigMap root, List<ConfigError> errors, String digest) {

    public ParseResult {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
