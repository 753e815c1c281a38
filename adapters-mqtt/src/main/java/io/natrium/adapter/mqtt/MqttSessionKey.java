package io.natrium.adapter.mqtt;

/**
 * Names a session as nats-server does: by its client id within its account (each account has its own MQTT streams
 * there), so the same client id in two accounts is two sessions and a takeover happens only within an account. The
 * key is the account's name after its length, then the client id: no client id can make one account's key look like
 * another's. Retained messages are scoped to their account the same way ({@link #scoped}).
 */
final class MqttSessionKey {

    private MqttSessionKey() {
    }

    /** The key of the session {@code clientId} has in {@code account}. */
    static String of(String account, String clientId) {
        return scoped(account, clientId);
    }

    /** {@code name} (a client id, a topic) within {@code account}. */
    static String scoped(String account, String name) {
        return account.length() + ":" + account + name;
    }

    /** The prefix every key {@link #scoped} to {@code account} starts with. */
    static String prefix(String account) {
        return scoped(account, "");
    }

    /** The account of a key made by {@link #scoped}; empty for any other key (none of this store's making). */
    static String account(String key) {
        int colon = key.indexOf(':');
        try {
            int length = Integer.parseInt(key, 0, colon, 10);
            return key.substring(colon + 1, colon + 1 + length);
        } catch (RuntimeException notScoped) {
            return "";
        }
    }

    /** What a key made by {@link #scoped} names within its account (the client id, the topic); any other key whole. */
    static String name(String key) {
        int colon = key.indexOf(':');
        try {
            return key.substring(colon + 1 + Integer.parseInt(key, 0, colon, 10));
        } catch (RuntimeException notScoped) {
            return key;
        }
    }
}
