package io.natrium.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

/**
 * What went wrong while the server was being put together, in one line: the innermost cause's message, as
 * nats-server prints the error that stopped it, never a stack trace. Guice wraps a provider's exception once per
 * binding that needed it; the first one is the one that matters.
 */
final class StartupFailure {

    private StartupFailure() {
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrapInjection(failure);
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = unwrapInjection(cause.getCause());
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        // One line: a multi-line message would read as several errors.
        return message.strip().lines().findFirst().orElse(message);
    }

    private static Throwable unwrapInjection(Throwable failure) {
        Iterable<Message> messages = null;
        if (failure instanceof CreationException creation) {
            messages = creation.getErrorMessages();
        } else if (failure instanceof ProvisionException provision) {
            messages = provision.getErrorMessages();
        }
        if (messages != null) {
            for (Message message : messages) {
                if (message.getCause() != null) {
                    return message.getCause();
                }
            }
        }
        return failure;
    }
}
