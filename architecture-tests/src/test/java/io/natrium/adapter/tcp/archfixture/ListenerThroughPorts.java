package io.natrium.adapter.tcp.archfixture;

import io.natrium.application.port.in.archfixture.ConcretePort;
import io.natrium.application.settings.ServerSettings;

/** Allowed: an adapter using an in-port and the settings records. */
public class ListenerThroughPorts {
    ConcretePort port;
    ServerSettings settings;
}
