package io.natrium.application.system;

import java.util.concurrent.ThreadLocalRandom;

/** Event ids of nats-server's form: 22 characters of base 62, as its NUIDs are. */
final class EventIds {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 22;

    private EventIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = DIGITS.charAt(random.nextInt(DIGITS.length()));
        }
        return new String(id);
    }
}
