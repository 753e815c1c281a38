package io.natrium.bootstrap.check.archfixture;

import io.natrium.application.server.ClientRegistry;
import io.netty.channel.EventLoopGroup;

/** Deliberately bad: an offline checker reaching for the event loops and the server's live sessions. */
public class CheckerStartingServer {

    EventLoopGroup loops;
    ClientRegistry clients;
}
