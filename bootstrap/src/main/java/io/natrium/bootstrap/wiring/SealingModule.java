package io.natrium.bootstrap.wiring;

import io.natrium.adapter.tls.sealing.NkeysSealing;
import io.natrium.application.port.out.CurveSealing;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

import java.security.SecureRandom;

/**
 * The server's curve key (nats-server's {@code xkp}) and the sealed boxes auth callout exchanges with an
 * {@code xkey}. Not a singleton: the injector's production stage makes every singleton at start, and making the key
 * (Bouncy Castle's X25519, cold) was ~15% of the wiring's CPU for servers that never call out. The server asks for
 * it once, when a callout is possible, and keeps it.
 */
public final class SealingModule extends AbstractModule {

    @Provides
    CurveSealing curveSealing() {
        return new NkeysSealing(new SecureRandom());
    }
}
