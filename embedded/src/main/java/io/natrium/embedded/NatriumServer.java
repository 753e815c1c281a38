package io.natrium.embedded;

import io.natrium.adapter.config.CommandLine;
import io.natrium.adapter.config.CommandLineException;
import io.natrium.adapter.config.ConfigurationLoader;
import io.natrium.adapter.config.FileConfigurationSource;
import io.natrium.adapter.config.LoadedConfiguration;
import io.natrium.application.port.in.ReloadResult;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.wiring.ClientTls;
import io.natrium.bootstrap.wiring.InProcessModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Natrium server running in this JVM: the same server as the {@code natrium} command, wired by the same modules,
 * listening on TCP (a free port unless told otherwise) and in-process (for jnats through
 * {@link io.natrium.embedded.jnats.InProcessDataPort}). Servers of one JVM share nothing. Close it to stop it.
 *
 * <pre>{@code
 * try (NatriumServer server = NatriumServer.builder().config("max_payload: 2MB").start()) {
 *     Connection nc = Nats.connect(server.clientUrl());
 * }
 * }</pre>
 */
public final class NatriumServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NatriumServer.class);
    private static final AtomicLong NEXT_NAME = new AtomicLong();

    private final io.natrium.bootstrap.NatriumServer server;
    private final ConfigurationText configuration;
    private final String inProcessName;
    private final String advertisedHost;

    private NatriumServer(io.natrium.bootstrap.NatriumServer server, ConfigurationText configuration,
            String inProcessName, String advertisedHost) {
        this.server = server;
        this.configuration = configuration;
        this.inProcessName = inProcessName;
        this.advertisedHost = advertisedHost;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with nats-server's defaults, on 127.0.0.1 and a free port. */
    public static NatriumServer start() {
        return builder().start();
    }

    /** The URL of the TCP listener, e.g. {@code nats://127.0.0.1:40123}. */
    public String clientUrl() {
        return "nats://" + advertisedHost + ":" + server.clientAddress().getPort();
    }

    /** The bound TCP client port. */
    public int port() {
        return server.clientAddress().getPort();
    }

    /**
     * The URL of the in-process listener: only jnats with {@link io.natrium.embedded.jnats.InProcessDataPort}
     * reaches it (see {@link io.natrium.embedded.jnats.InProcessNats}).
     */
    public String inProcessUrl() {
        return "nats://" + inProcessName + ":4222";
    }

    /** The name the in-process listener is bound under (the host of {@link #inProcessUrl()}). */
    public String inProcessName() {
        return inProcessName;
    }

    /**
     * The monitoring base URL, e.g. {@code http://127.0.0.1:40124}, where /varz, /connz, ... answer.
     *
     * @throws IllegalStateException when the server runs without monitoring
     */
    public String monitorUrl() {
        InetSocketAddress monitor = server.monitorAddress();
        if (monitor == null) {
            throw new IllegalStateException("this server runs without monitoring; ask for it with monitoring()");
        }
        return "http://" + advertisedHost + ":" + monitor.getPort();
    }

    /** The server's id, as INFO and /varz show it. */
    public String serverId() {
        return server.serverId();
    }

    /**
     * Replaces the configuration text and applies what may change while running, as a reload of nats-server does
     * (the builder's options stay, as nats-server's command line stays).
     *
     * @return the changes, as nats-server logs them ({@code max_payload = 2048})
     * @throws NatriumConfigurationException when the text has errors or changes what needs a restart; the server
     *                                       then runs on unchanged
     */
    public List<String> reload(String configText) {
        configuration.replaceWith(configText);
        return reload();
    }

    /** As {@link #reload(String)}, from a configuration file. */
    public List<String> reload(Path configFile) {
        configuration.replaceWith(configFile);
        return reload();
    }

    /** Reads the current configuration file again, as SIGHUP does. */
    public List<String> reload() {
        ReloadResult result = server.reload();
        if (result instanceof ReloadResult.Failed failed) {
            throw new NatriumConfigurationException(failed.errors());
        }
        return ((ReloadResult.Reloaded) result).changes();
    }

    /** Stops accepting, closes the clients (flushing what is queued for them) and stops the server's threads. */
    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * What a server starts with: nats-server's command-line options and configuration text or a file. Options set
     * here win over the configuration, as flags win over a file.
     */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = -1;
        private boolean monitoring;
        private final List<String> flags = new ArrayList<>();
        private String configText = "";
        private Path configFile;

        private Builder() {
        }

        /** The address to listen on; 127.0.0.1 unless told otherwise. */
        public Builder host(String address) {
            this.host = address;
            return this;
        }

        /** The client port; 0 (the default) for a free one, as -1 asks nats-server. */
        public Builder port(int clientPort) {
            this.port = clientPort == 0 ? -1 : clientPort;
            return this;
        }

        public Builder serverName(String name) {
            return flag("-n", name);
        }

        /** HTTP monitoring on a free port ({@link NatriumServer#monitorUrl()}). */
        public Builder monitoring() {
            this.monitoring = true;
            return this;
        }

        /** One user every client must log in as ({@code --user}, {@code --pass}). */
        public Builder user(String user, String password) {
            return flag("--user", user).flag("--pass", password);
        }

        /** The token every client must present ({@code --auth}). */
        public Builder token(String token) {
            return flag("--auth", token);
        }

        /** Configuration in nats-server's language, for everything the builder has no option for. */
        public Builder config(String text) {
            this.configText = text;
            this.configFile = null;
            return this;
        }

        /** A nats-server configuration file, instead of text. */
        public Builder configFile(Path file) {
            this.configFile = file;
            this.configText = null;
            return this;
        }

        /** A configuration file on the class path, such as a test resource. */
        public Builder configResource(String resource) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no resource " + resource + " on the class path");
                }
                return config(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Starts the server; it accepts clients once this returns.
         *
         * @throws NatriumConfigurationException when the options or the configuration have errors
         */
        public NatriumServer start() {
            ConfigurationText configuration = new ConfigurationText(configText, configFile);
            CommandLine.Parsed parsed = commandLine(configuration.loaderName());
            ConfigurationLoader loader = new ConfigurationLoader(configuration, ClientTls::problem);
            LoadedConfiguration loaded = loader.load(parsed);
            if (loaded.hasErrors()) {
                throw new NatriumConfigurationException(loaded.problems());
            }
            loaded.warnings().forEach(LOG::warn);
            loaded.unsupported().forEach(option -> LOG.warn("{}", option));
            ServerSettings settings = loaded.settings();
            String name = "natrium-inprocess-" + NEXT_NAME.incrementAndGet();
            io.natrium.bootstrap.NatriumServer server = io.natrium.bootstrap.NatriumServer.create(settings,
                    new FileConfigurationSource(loader, parsed), new InProcessModule(name));
            try {
                server.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.shutdown();
                throw new IllegalStateException("interrupted while starting", e);
            } catch (RuntimeException e) {
                server.shutdown();
                throw e;
            }
            return new NatriumServer(server, configuration, name, advertised(settings.host()));
        }

        private CommandLine.Parsed commandLine(String configName) {
            List<String> args = new ArrayList<>(List.of("-a", host, "-p", Integer.toString(port)));
            if (monitoring) {
                args.addAll(List.of("-m", "-1"));
            }
            args.addAll(flags);
            args.addAll(List.of("-c", configName));
            try {
                return CommandLine.parse(args.toArray(String[]::new));
            } catch (CommandLineException e) {
                throw new NatriumConfigurationException(List.of(e.getMessage()));
            }
        }

        private Builder flag(String name, String value) {
            flags.add(name);
            flags.add(value);
            return this;
        }

        /** Where clients of this machine reach a listener bound to {@code host}. */
        private static String advertised(String host) {
            try {
                InetAddress address = InetAddress.getByName(host);
                if (address.isAnyLocalAddress()) {
                    return "127.0.0.1";
                }
            } catch (UnknownHostException e) {
                return host;
            }
            return host.contains(":") ? "[" + host + "]" : host;
        }
    }
}
