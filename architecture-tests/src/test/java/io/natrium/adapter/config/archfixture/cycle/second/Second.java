package io.natrium.adapter.config.archfixture.cycle.second;

import io.natrium.adapter.config.archfixture.cycle.first.First;

/** Deliberately bad: the other half of a package cycle. */
public class Second {
    public First first;
}
