package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.JacksonServerMessageEncoder;
import io.natrium.application.port.out.ServerMessageEncoder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The protocol adapter's part of the application: the JSON of the messages the server publishes itself. */
public final class ProtocolModule extends AbstractModule {

    @Provides
    @Singleton
    ServerMessageEncoder serverMessageEncoder() {
        return new JacksonServerMessageEncoder();
    }
}
