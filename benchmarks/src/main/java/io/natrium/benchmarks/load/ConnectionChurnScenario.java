package io.natrium.benchmarks.load;

import java.io.IOException;
import java.util.List;

/**
 * Connections opened and closed one after another: connect, read INFO, send CONNECT and PING, wait for PONG, close.
 * The figure is connections per second.
 */
final class ConnectionChurnScenario implements Scenario {

    private final long connections;

    ConnectionChurnScenario(long connections) {
        this.connections = connections;
    }

    @Override
    public String id() {
        return "churn";
    }

    @Override
    public String title() {
        return "connection churn";
    }

    @Override
    public long size() {
        return connections;
    }

    @Override
    public List<Metric> run(RunContext context, long size) throws IOException {
        long start = System.nanoTime();
        for (long i = 0; i < size; i++) {
            try (NatsConnection connection = NatsConnection.open(context.port(), context.timeout())) {
                connection.roundTrip();
            }
        }
        return List.of(Metric.rate("conn/s", size, System.nanoTime() - start));
    }
}
