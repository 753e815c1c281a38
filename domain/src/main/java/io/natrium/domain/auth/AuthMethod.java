package io.natrium.domain.auth;

/** How a client was let in. */
public enum AuthMethod {
    /** Authentication is not required. */
    NONE,
    /** The configured token. */
    TOKEN,
    /** The single configured user ({@code authorization.user}, {@code --user}). */
    SINGLE_USER,
    /** A user of a {@code users} list, by username and password (or as the {@code no_auth_user}). */
    USER,
    /** A user of a {@code users} list found from the client's TLS certificate ({@code verify_and_map}). */
    CERTIFICATE,
    /** An nkey user, by signature (or as the {@code no_auth_user}). */
    NKEY,
    /** A user JWT of operator mode, with its signature of the nonce (or a bearer token). */
    JWT,
    /** A user the auth callout service granted, with the user JWT it issued. */
    CALLOUT
}
