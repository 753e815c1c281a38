package io.natrium.bootstrap;

import io.natrium.adapter.config.CommandLine;
import io.natrium.adapter.config.ConfigurationLoader;
import io.natrium.bootstrap.wiring.ClientTls;
import io.natrium.adapter.config.FileConfigurationSource;
import io.natrium.adapter.config.LoadedConfiguration;
import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.application.port.in.ReloadResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Natrium server in the test's own JVM started from configuration text, as {@code -c} would start it, on
 * 127.0.0.1 and a free port; {@link #reload(String)} rewrites the file and reloads it as SIGHUP does.
 */
public final class ConfiguredServer implements AutoCloseable {

    private final Path file;
    private final NatriumServer server;

    private ConfiguredServer(Path file, NatriumServer server) {
        this.file = file;
        this.server = server;
    }

    public static ConfiguredServer start(String configuration) throws Exception {
        Path file = Files.createTempFile("natrium-", ".conf");
        Files.writeString(file, configuration);
        CommandLine.Parsed parsed = CommandLine.parse("-c", file.toString(), "-a", "127.0.0.1", "-p", "-1");
        ConfigurationLoader loader = new ConfigurationLoader(ConfigParser::parseFile, ClientTls.CHECK);
        LoadedConfiguration loaded = loader.load(parsed);
        if (loaded.hasErrors()) {
            throw new IllegalArgumentException("configuration errors: " + loaded.errors());
        }
        NatriumServer server = NatriumServer.create(loaded.settings(), new FileConfigurationSource(loader, parsed));
        server.start();
        return new ConfiguredServer(file, server);
    }

    public ReloadResult reload(String configuration) throws IOException {
        Files.writeString(file, configuration);
        return server.reload();
    }

    public int port() {
        return server.clientAddress().getPort();
    }

    /** The WebSocket listener's port; the configuration must open one. */
    public int websocketPort() {
        return server.websocketAddress().getPort();
    }

    public int mqttPort() {
        return server.mqttAddress().getPort();
    }

    public String url() {
        return "nats://127.0.0.1:" + port();
    }

    public NatriumServer server() {
        return server;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        Files.deleteIfExists(file);
    }
}
