/**
 * The nats-server configuration language (lexer, parser, includes, variables), the command-line flags and their
 * mapping to immutable settings, and JWT/NKey decoding. Arrives with the configuration issue.
 */
package io.natrium.adapter.config;
