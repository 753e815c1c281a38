package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * nats-server and Natrium started with the same arguments, for scripted conversations played on both and compared.
 * A test class holding one is skipped when nats-server is not installed.
 */
final class ServerPair implements AutoCloseable {

    /** A conversation with one server, returning what its clients received. */
    @FunctionalInterface
    interface Script {
        String play(ServerProcess server) throws Exception;
    }

    private final ServerProcess reference;
    private final ServerProcess natrium;

    private ServerPair(ServerProcess reference, ServerProcess natrium) {
        this.reference = reference;
        this.natrium = natrium;
    }

    static ServerPair start(List<String> arguments) throws Exception {
        ServerProcess reference = ServerProcess.start(ExternalTools.natsServer(), arguments, Duration.ofSeconds(10));
        return new ServerPair(reference,
                ServerProcess.start(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60)));
    }

    /**
     * Each server with its own arguments, for what cannot be shared between two processes on one machine (a
     * configuration file naming a second listener's port).
     */
    static ServerPair start(List<String> referenceArguments, List<String> natriumArguments) throws Exception {
        ServerProcess reference = ServerProcess.start(ExternalTools.natsServer(), referenceArguments,
                Duration.ofSeconds(10));
        try {
            return new ServerPair(reference,
                    ServerProcess.start(ServerProcess.natriumLauncher(), natriumArguments, Duration.ofSeconds(60)));
        } catch (Exception | Error e) {
            reference.close();
            throw e;
        }
    }

    ServerProcess reference() {
        return reference;
    }

    ServerProcess natrium() {
        return natrium;
    }

    /** Both servers, nats-server first. */
    List<ServerProcess> both() {
        return List.of(reference, natrium);
    }

    /** Plays the script on both servers, asserts that the transcripts match and returns nats-server's. */
    String assertSameTranscripts(Script script) throws Exception {
        return assertSameTranscripts(script, UnaryOperator.identity());
    }

    /** Like {@link #assertSameTranscripts(Script)}, comparing the transcripts after {@code mask}. */
    String assertSameTranscripts(Script script, UnaryOperator<String> mask) throws Exception {
        String theirs = mask.apply(script.play(reference));

        assertThat(mask.apply(script.play(natrium))).as("Natrium's transcript, beside nats-server's")
                .isEqualTo(theirs);
        return theirs;
    }

    @Override
    public void close() throws InterruptedException {
        reference.close();
        natrium.close();
    }
}
