package com.example.greeter;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;

import java.nio.charset.StandardCharsets;

/** The application's service: answers requests on {@code greet} with a greeting for the name they carry. */
public final class Greeter implements AutoCloseable {

    public static final String SUBJECT = "greet";

    private final Connection connection;
    private final Dispatcher dispatcher;

    private Greeter(Connection connection) {
        this.connection = connection;
        this.dispatcher = connection.createDispatcher(request -> {
            String name = new String(request.getData(), StandardCharsets.UTF_8);
            String greeting = name.isBlank() ? "Hello, stranger!" : "Hello, " + name + "!";
            connection.publish(request.getReplyTo(), greeting.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Starts answering on {@link #SUBJECT} in the queue group {@code greeters}, so instances share the load. */
    public static Greeter start(Connection connection) {
        Greeter greeter = new Greeter(connection);
        greeter.dispatcher.subscribe(SUBJECT, "greeters");
        return greeter;
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}
