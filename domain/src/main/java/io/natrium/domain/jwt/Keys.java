package io.natrium.domain.jwt;

import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;

/** Which kind of nkey public key a text is, as the nkeys library's {@code IsValidPublic*Key} tells. */
final class Keys {

    private Keys() {
    }

    static boolean isAccount(String key) {
        return is(key, NKeyType.ACCOUNT);
    }

    static boolean isOperator(String key) {
        return is(key, NKeyType.OPERATOR);
    }

    static boolean isUser(String key) {
        return is(key, NKeyType.USER);
    }

    static boolean is(String key, NKeyType type) {
        NKey parsed = NKey.parse(key);
        return parsed != null && parsed.type() == type;
    }
}
