/**
 * NATS JWTs (nats-io/jwt v2): operator, account, user and activation claims decoded and verified with no I/O; the
 * time a check is made at is passed in, never read.
 */
package io.natrium.domain.jwt;
