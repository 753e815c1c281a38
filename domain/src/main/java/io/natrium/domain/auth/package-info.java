/**
 * Authentication as values, with no I/O: NKey public keys, users (username and password, plain or bcrypt), nkey users
 * (Ed25519 signatures over the server's nonce), tokens, {@code no_auth_user}, and the
 * {@link io.natrium.domain.auth.Authenticator} that decides a CONNECT the way nats-server's
 * {@code processClientOrLeafAuthentication} does. Randomness (nonces) and bcrypt (a library the domain may not have)
 * are passed in.
 */
package io.natrium.domain.auth;
