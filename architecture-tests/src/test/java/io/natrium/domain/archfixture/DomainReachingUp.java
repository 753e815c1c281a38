package io.natrium.domain.archfixture;

import io.natrium.application.archfixture.ApplicationUsingNetty;

/** Deliberately bad: the domain depending on the application layer. */
public class DomainReachingUp {
    public Object up() {
        return new ApplicationUsingNetty();
    }
}
