package io.natrium.application.archfixture;

/** Deliberately bad: a use case that is a class outside port.in. */
public class PublishUseCase {
}
