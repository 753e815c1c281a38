package io.natrium.embedded;

import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.adapter.config.syntax.ParseResult;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where an embedded server's configuration is read from: text given in code or a file, replaced by a reload. The
 * loader asks it for the tree each time, as nats-server reads its file again on each reload.
 */
final class ConfigurationText implements Function<Path, ParseResult> {

    /** The name the configuration loader knows text by; nats-server always reloads "a file". */
    static final String TEXT_NAME = "<natrium-embedded>";

    private volatile String text;
    private volatile Path file;

    ConfigurationText(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    void replaceWith(String newText) {
        file = null;
        text = newText;
    }

    void replaceWith(Path newFile) {
        text = null;
        file = newFile;
    }

    /** The configuration file's name for the loader: the file, or a stand-in for text. */
    String loaderName() {
        Path current = file;
        return current == null ? TEXT_NAME : current.toString();
    }

    @Override
    public ParseResult apply(Path ignored) {
        Path current = file;
        if (current != null) {
            return ConfigParser.parseFile(current, System::getenv);
        }
        return ConfigParser.parseText(text, System::getenv);
    }
}
