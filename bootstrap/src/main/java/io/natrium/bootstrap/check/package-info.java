/**
 * {@code natrium check}: answers "may this client publish or subscribe to that subject, and where does a subject get
 * mapped?" from a configuration file alone. It uses the domain's decisions and the same settings-to-domain mapping the
 * server uses, and starts nothing: no Guice, no Netty, no listener.
 */
package io.natrium.bootstrap.check;
