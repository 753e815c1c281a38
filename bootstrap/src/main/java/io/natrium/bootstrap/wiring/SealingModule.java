package io.natrium.bootstrap.wiring;

import io.natrium.adapter.tls.sealing.NkeysSealing;
import io.natrium.application.port.out.CurveSealing;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import java.security.SecureRandom;

/**
 * The server's curve key (nats-server's {@code xkp}, made at start whether a callout needs it or not) and the sealed
 * boxes auth callout exchanges with an {@code xkey}.
 */
public final class SealingModule extends AbstractModule {

    @Provides
    @Singleton
    CurveSealing curveSealing() {
        return new NkeysSealing(new SecureRandom());
    }
}
