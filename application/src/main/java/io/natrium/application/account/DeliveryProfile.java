package io.natrium.application.account;

import io.natrium.domain.HotPath;
import io.natrium.domain.permission.ClientPermissions;

/**
 * How a connection wants its messages, as publishers on other threads read it: one immutable value, replaced whole at
 * CONNECT and reload, so a publisher never sees the headers flag of one CONNECT with the permissions of another.
 *
 * @param headers     whether the client takes HMSG (asked for in CONNECT, supported by the server)
 * @param permissions what it may receive; null when unrestricted
 */
@HotPath
public record DeliveryProfile(boolean headers, ClientPermissions permissions) {

    static final DeliveryProfile INITIAL = new DeliveryProfile(false, null);

    public DeliveryProfile withHeaders(boolean value) {
        return new DeliveryProfile(value, permissions);
    }

    public DeliveryProfile withPermissions(ClientPermissions value) {
        return new DeliveryProfile(headers, value);
    }
}
