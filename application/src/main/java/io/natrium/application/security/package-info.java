/**
 * Who may connect and what each connection may do: the server's authentication and authorization configuration
 * built from the settings, handed to the domain's authenticator and permission checks; and the other settings that
 * become domain policy, the account graph and the subject mappings. The offline checker uses these mappers too, so it
 * decides as the server would.
 */
package io.natrium.application.security;
