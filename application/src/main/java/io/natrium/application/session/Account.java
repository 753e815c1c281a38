package io.natrium.application.session;

import io.natrium.domain.sublist.Sublist;

/** An account: a name and its own subject space. The global account {@code $G} holds every client for now. */
public final class Account {

    public static final String GLOBAL = "$G";

    private final String name;
    private final Sublist<ClientSubscription> sublist;

    public Account(String name, Sublist<ClientSubscription> sublist) {
        this.name = name;
        this.sublist = sublist;
    }

    public String name() {
        return name;
    }

    public Sublist<ClientSubscription> sublist() {
        return sublist;
    }
}
