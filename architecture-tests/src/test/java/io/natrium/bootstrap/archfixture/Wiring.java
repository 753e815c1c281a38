package io.natrium.bootstrap.archfixture;

import com.google.inject.AbstractModule;

/** Deliberately bad: a Guice module neither named *Module nor in bootstrap.wiring. */
public class Wiring extends AbstractModule {
}
