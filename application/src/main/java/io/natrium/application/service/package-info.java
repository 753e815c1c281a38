/** The use-case services: what adapters call through the {@code port.in} interfaces. */
package io.natrium.application.service;
