package io.natrium.application.port.out.archfixture;

import io.natrium.application.port.in.archfixture.ConcretePort;

/** Deliberately bad: an out-port depending on an in-port. */
public interface OutPortUsingInPort {
    ConcretePort driver();
}
