package io.natrium.application.service.archfixture;

/** Deliberately bad: an *Impl name. */
public class RouterImpl {
}
