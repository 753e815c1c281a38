/**
 * Authentication as values, with no I/O: NKey public keys today; users, tokens and the authentication decisions
 * arrive with the authentication issue.
 */
package io.natrium.domain.auth;
