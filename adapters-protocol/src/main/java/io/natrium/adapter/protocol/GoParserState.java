package io.natrium.adapter.protocol;

/**
 * The numbers of nats-server's parser states (its {@code parserState} constants, unchanged from 2.9.10 to now),
 * which its parse-error log lines show: {@code Client parser ERROR, state=31, ...}. Natrium's decoder is in the same
 * place as nats-server's parser at every byte, so the number can be worked out from the operation and how much of
 * its name has been read.
 */
final class GoParserState {

    static final int OP_START = 0;
    static final int MSG_END_R = 41;
    static final int MSG_END_N = 42;
    private static final int OP_H = 18;
    private static final int OP_P = 29;
    private static final int NONE = -1;

    /** The state once the whole name is read, by {@link OperationName} constant: OP_PUB, OP_PING, ... */
    private static final int[] NAME_READ = {31, 36, 39, 21, 26, 45, 63, 16, 74, 3, 7};
    /** The state while the arguments are read: PUB_ARG, ..., or none for the operations that take none. */
    private static final int[] ARGUMENTS = {33, NONE, NONE, 23, 28, 47, 65, 17, 75, NONE, 9};

    private GoParserState() {
    }

    /**
     * The state after {@code letters} letters of {@code operation}'s name: nats-server has one state per letter,
     * numbered in order within each name, and shares the first letter of PUB, PING and PONG, and of HPUB and HMSG.
     */
    static int afterLetters(int operation, int letters) {
        if (letters == 0) {
            return OP_START;
        }
        if (operation == OperationName.AMBIGUOUS_P) {
            return OP_P;
        }
        if (operation == OperationName.AMBIGUOUS_H) {
            return OP_H;
        }
        return NAME_READ[operation] - (OperationName.length(operation) - letters);
    }

    /** The state in which {@code operation}'s arguments are read. */
    static int arguments(int operation) {
        return ARGUMENTS[operation];
    }
}
