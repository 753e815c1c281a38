package io.natrium.adapter.config.syntax;

import java.nio.file.Path;

/**
 * A text to parse: a configuration file, an included file, or the value of an environment variable.
 *
 * @param text      the content
 * @param name      what positions in it are reported against (the path as nats-server prints it; empty for text)
 * @param directory where its {@code include}s are looked for
 */
record Document(String text, String name, Path directory) {
}
