package io.natrium.adapter.config;

import io.natrium.application.settings.TlsSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tls}, {@code --tlsverify}, {@code --tlscert}, {@code --tlskey}, {@code --tlscacert}. Any of them
 * replaces the configuration file's {@code tls} block with one built from the flags alone, which needs a
 * certificate and a key; {@code --tls=false} removes TLS and makes the other flags ignored, as in nats-server.
 */
final class TlsFlags {

    private final List<String> flagsGiven = new ArrayList<>();
    private Boolean tls;
    private boolean verify;
    private String cert;
    private String key;
    private String ca;

    void register(GoFlagParser parser) {
        parser.bool(value -> {
            tls = Boolean.parseBoolean(value);
            mark("tls");
        }, "tls");
        parser.bool(value -> {
            verify = Boolean.parseBoolean(value);
            mark("tlsverify");
        }, "tlsverify");
        parser.value(value -> {
            cert = value;
            mark("tlscert");
        }, "tlscert");
        parser.value(value -> {
            key = value;
            mark("tlskey");
        }, "tlskey");
        parser.value(value -> {
            ca = value;
            mark("tlscacert");
        }, "tlscacert");
    }

    private void mark(String flag) {
        if (!flagsGiven.contains(flag)) {
            flagsGiven.add(flag);
        }
    }

    /** True when a TLS flag was given: TLS then comes from the flags, not from the file. */
    boolean given() {
        return !flagsGiven.isEmpty();
    }

    /** The TLS flags given, without their dashes, in the order first given. */
    List<String> flagsGiven() {
        return List.copyOf(flagsGiven);
    }

    /**
     * The TLS the flags ask for: null for {@code --tls=false}.
     *
     * @throws CommandLineException with nats-server's message when the certificate or key is missing
     */
    TlsSettings override() throws CommandLineException {
        if (!given() || Boolean.FALSE.equals(tls)) {
            return null;
        }
        if (cert == null || cert.isEmpty()) {
            throw new CommandLineException("TLS Server certificate must be present and valid", false);
        }
        if (key == null || key.isEmpty()) {
            throw new CommandLineException("TLS Server private key must be present and valid", false);
        }
        return TlsSettings.ofFiles(cert, key, ca, verify);
    }
}
