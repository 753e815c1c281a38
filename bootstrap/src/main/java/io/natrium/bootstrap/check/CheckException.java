package io.natrium.bootstrap.check;

/**
 * A check that cannot be answered: a bad command line, an unknown user or account, a subject that is not one.
 * The message is for the person at the terminal; the command exits with {@link CheckCommand#EXIT_ERROR}.
 */
final class CheckException extends Exception {

    private static final long serialVersionUID = 1L;

    CheckException(String message) {
        super(message);
    }
}
