package io.natrium.application.server;

import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who this server says it is: an NKey-style server id, a name, and the nats-server version whose behaviour it
 * follows (clients enable features by the version they see); and the key pair whose public key is the id, which
 * signs what the server asks others (auth callout requests); null when the server signs nothing.
 */
public record ServerIdentity(String id, String name, String version, String runtime, NKeySeed key) {

    public ServerIdentity(String id, String name, String version, String runtime) {
        this(id, name, version, runtime, null);
    }

    /** The nats-server version Natrium behaves as. */
    public static final String NATS_SERVER_VERSION = "2.11.0";
    private static final int NAME_HASH_LENGTH = 8;

    /**
     * The short hash of the server's name that nats-server writes into the reply subjects of requests whose latency
     * it tracks: eight characters of the URL-safe base64 SHA-256.
     */
    public String nameHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, NAME_HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A fresh random id; the name defaults to the id, as in nats-server. The id only has to be unique, not secret,
     * so it does not pay for a secure random generator at start-up.
     */
    public static ServerIdentity generate(String configuredName) {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return named(NKey.of(NKeyType.SERVER, key).encoded(), configuredName, null);
    }

    /**
     * A fresh server key pair whose public key is the id, as nats-server's, for a server that signs what it asks
     * (auth callout); its secure random generator and Ed25519 cost a start without a callout nothing.
     */
    public static ServerIdentity generateSigning(String configuredName) {
        NKeySeed key = NKeySeed.generate(NKeyType.SERVER);
        return named(key.publicKey().encoded(), configuredName, key);
    }

    private static ServerIdentity named(String id, String configuredName, NKeySeed key) {
        String name = configuredName == null || configuredName.isEmpty() ? id : configuredName;
        return new ServerIdentity(id, name, NATS_SERVER_VERSION, "java" + Runtime.version(), key);
    }
}
