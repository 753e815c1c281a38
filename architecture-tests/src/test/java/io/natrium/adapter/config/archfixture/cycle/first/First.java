package io.natrium.adapter.config.archfixture.cycle.first;

import io.natrium.adapter.config.archfixture.cycle.second.Second;

/** Deliberately bad: one half of a package cycle. */
public class First {
    public Second second;
}
