package io.natrium.application.port.in.archfixture;

/** Deliberately bad: a port that is a concrete class. */
public class ConcretePort {
}
