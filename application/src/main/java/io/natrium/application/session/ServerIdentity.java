package io.natrium.application.session;

import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Who this server says it is: an NKey-style server id, a name, and the nats-server version whose behaviour it
 * follows (clients enable features by the version they see).
 */
public record ServerIdentity(String id, String name, String version, String runtime) {

    /** The nats-server version Natrium behaves as. */
    public static final String NATS_SERVER_VERSION = "2.11.0";

    /**
     * A fresh random id; the name defaults to the id, as in nats-server. The id only has to be unique, not secret,
     * so it does not pay for a secure random generator at start-up.
     */
    public static ServerIdentity generate(String configuredName) {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        String id = NKey.of(NKeyType.SERVER, key).encoded();
        String name = configuredName == null || configuredName.isEmpty() ? id : configuredName;
        return new ServerIdentity(id, name, NATS_SERVER_VERSION, "java" + Runtime.version());
    }
}
