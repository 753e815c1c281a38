/**
 * The client TCP listener: binds the client port, builds each connection's pipeline around the shared protocol
 * handler, and backs off when accepting fails. TLS arrives with the TLS issue.
 */
package io.natrium.adapter.tcp;
