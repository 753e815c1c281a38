/**
 * Who may connect and what each connection may do: the server's authentication and authorization configuration
 * built from the settings, handed to the domain's authenticator and permission checks.
 */
package io.natrium.application.security;
