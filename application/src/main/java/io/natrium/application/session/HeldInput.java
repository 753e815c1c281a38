package io.natrium.application.session;

import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;

import java.util.concurrent.RejectedExecutionException;

/**
 * A CONNECT decided away from the connection's thread (bcrypt, an account fetch, an auth callout): the client's
 * further input is held until the decision comes back to its thread, which is never blocked meanwhile.
 */
final class HeldInput {

    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final ServerContext server;
    private boolean deciding;

    HeldInput(ClientOutbound outbound, SessionExecutor executor, ServerContext server) {
        this.outbound = outbound;
        this.executor = executor;
        this.server = server;
    }

    /** Whether a decision is pending; the client's input waits meanwhile. */
    boolean deciding() {
        return deciding;
    }

    /** Holds the input until {@link #decided()} and {@link #resume()}. */
    void hold() {
        deciding = true;
        outbound.holdInput();
    }

    void decided() {
        deciding = false;
    }

    void resume() {
        outbound.resumeInput();
    }

    /**
     * Runs {@code work} on the authentication executor while the input is held, then {@code then} back on the
     * connection's thread; false, with the input resumed, when the executor is full.
     */
    boolean offload(Runnable work, Runnable then) {
        hold();
        try {
            server.authentication().execute(() -> {
                work.run();
                executor.execute(() -> {
                    deciding = false;
                    then.run();
                    // Unless what came next holds the input on (an auth callout asked): its answer resumes it.
                    if (!deciding) {
                        outbound.resumeInput();
                    }
                });
            });
            return true;
        } catch (RejectedExecutionException e) {
            deciding = false;
            outbound.resumeInput();
            return false;
        }
    }
}
