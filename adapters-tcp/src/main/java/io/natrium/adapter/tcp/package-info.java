/**
 * The client TCP listener: channel initializer, connection limits and TLS. Arrives with the core-server issue.
 */
package io.natrium.adapter.tcp;
