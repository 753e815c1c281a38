package io.natrium.adapter.tcp.archfixture;

/** Deliberately bad: a *Service outside application.service. */
public class ListenerService {
}
