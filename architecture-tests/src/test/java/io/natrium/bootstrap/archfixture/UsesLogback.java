package io.natrium.bootstrap.archfixture;

import ch.qos.logback.classic.Level;

/** Deliberately bad: code depending on Logback instead of SLF4J. */
public class UsesLogback {
    public Object level() {
        return Level.DEBUG;
    }
}
