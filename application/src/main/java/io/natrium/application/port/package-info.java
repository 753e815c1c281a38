/** Vocabulary shared by both directions of the ports. */
package io.natrium.application.port;
