package io.natrium.adapter.tcp.archfixture;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** Deliberately bad: Guice outside bootstrap. */
public class InjectedListener {
    @Inject
    Injector injector;
}
