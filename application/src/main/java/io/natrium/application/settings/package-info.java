/** Immutable settings: what the command line and the configuration file ask of the server. */
package io.natrium.application.settings;
