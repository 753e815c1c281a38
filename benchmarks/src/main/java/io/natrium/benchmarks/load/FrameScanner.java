package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;

/**
 * Counts what a server sends on one connection by scanning its bytes as they arrive, in chunks split anywhere: control
 * lines ({@code INFO}, {@code MSG}, {@code HMSG}, {@code PING}, {@code PONG}, {@code +OK}, {@code -ERR}) and message
 * bodies, which it skips by their announced size and checks end in CRLF. Nothing is allocated per message: a control
 * line is parsed where it lies in the chunk, and copied only when a chunk ends inside it.
 *
 * <p>Optional per-message checks: the <em>sequence</em> (the first {@value #SEQUENCE_DIGITS} payload bytes are an ASCII
 * decimal number, see {@link PublishStream}), either exactly the previous plus one modulo the stream's cycle
 * ({@link #expectSequence}) or increasing within half a cycle ({@link #expectIncreasingSequence}, for a queue-group
 * member that sees a part of the stream); and a {@link Listener} that sees each message's subject and reply subject.
 *
 * <p>The first problem (an {@code -ERR}, a line this class does not know, a malformed {@code MSG}, a body not followed
 * by CRLF, a sequence out of order) is kept as {@link #failure()}; scanning goes on so that counts stay meaningful.
 */
final class FrameScanner {

    /** Sees each complete message; the subject and reply bytes are valid only during the call. */
    @FunctionalInterface
    interface Listener {
        void onMessage(FrameScanner message);
    }

    /** Payload bytes that carry the sequence number when a sequence check is on. */
    static final int SEQUENCE_DIGITS = 8;

    private static final int MAX_LINE = 1 << 20;
    private static final int MAX_SUBJECT = 1024;

    private enum State { LINE, BODY, CR, LF }

    private State state = State.LINE;
    /** The beginning of a control line that an earlier chunk ended inside. */
    private byte[] partial = new byte[256];
    private int partialLength;
    private long bodyRemaining;
    private boolean messageIsPlain;
    private int sequenceDigitsLeft;
    private long sequenceValue;

    private long messages;
    private long pongs;
    private long pings;
    private long infos;
    private long bytes;
    private String failure;

    private int sequenceModulo;
    private boolean sequenceExact;
    private long lastSequence = -1;
    /** What the next message must carry, for the exact check: message {@code n} carries {@code n % modulo}. */
    private long nextSequence;

    private Listener listener;
    private final byte[] subject = new byte[MAX_SUBJECT];
    private int subjectLength;
    private final byte[] reply = new byte[MAX_SUBJECT];
    private int replyLength;
    private final int[] tokenBounds = new int[12];

    /** Checks that message {@code i} of the run carries sequence {@code i % modulo}. */
    FrameScanner expectSequence(int modulo) {
        this.sequenceModulo = modulo;
        this.sequenceExact = true;
        return this;
    }

    /**
     * Checks that each message's sequence follows the previous one's by 1 to {@code modulo / 2 - 1} (modulo the cycle):
     * the order of a part of the stream, as a queue-group member receives it.
     */
    FrameScanner expectIncreasingSequence(int modulo) {
        this.sequenceModulo = modulo;
        this.sequenceExact = false;
        return this;
    }

    FrameScanner listener(Listener listener) {
        this.listener = listener;
        return this;
    }

    long messages() {
        return messages;
    }

    long pongs() {
        return pongs;
    }

    /** Server PINGs seen; the connection owes one PONG each. */
    long pings() {
        return pings;
    }

    long infos() {
        return infos;
    }

    long bytes() {
        return bytes;
    }

    /** The first problem seen, or {@code null}. */
    String failure() {
        return failure;
    }

    /** The subject of the message being reported to the {@link Listener}. */
    byte[] subject() {
        return subject;
    }

    int subjectLength() {
        return subjectLength;
    }

    /** The reply subject of the message being reported to the {@link Listener}; empty when it has none. */
    byte[] reply() {
        return reply;
    }

    int replyLength() {
        return replyLength;
    }

    /** Scans {@code length} bytes of {@code chunk} from {@code offset}. */
    void feed(byte[] chunk, int offset, int length) {
        bytes += length;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (state) {
                case LINE -> i = scanLine(chunk, i, end);
                case BODY -> i = skipBody(chunk, i, end);
                case CR -> {
                    if (chunk[i++] != '\r') {
                        fail("message body not followed by CRLF (message " + (messages + 1) + ")");
                    }
                    state = State.LF;
                }
                case LF -> {
                    if (chunk[i++] != '\n') {
                        fail("message body not followed by CRLF (message " + (messages + 1) + ")");
                    }
                    messageComplete();
                    state = State.LINE;
                }
            }
        }
    }

    private int scanLine(byte[] chunk, int from, int end) {
        int newline = from;
        while (newline < end && chunk[newline] != '\n') {
            newline++;
        }
        if (newline == end) {
            keepPartial(chunk, from, end - from);
            return end;
        }
        if (partialLength == 0) {
            controlLine(chunk, from, lineEnd(chunk, from, newline));
            if (state == State.BODY && bodyRemaining + 2 <= end - newline - 1) {
                return wholeBody(chunk, newline + 1);
            }
        } else {
            keepPartial(chunk, from, newline - from);
            int length = partialLength;
            partialLength = 0;
            controlLine(partial, 0, lineEnd(partial, 0, length));
        }
        return newline + 1;
    }

    /** Where the line ends without its CR. */
    private static int lineEnd(byte[] bytes, int start, int newline) {
        return newline > start && bytes[newline - 1] == '\r' ? newline - 1 : newline;
    }

    private void keepPartial(byte[] chunk, int from, int count) {
        if (partialLength + count > partial.length) {
            if (partialLength + count > MAX_LINE) {
                fail("control line longer than " + MAX_LINE + " bytes");
                partialLength = 0;
                return;
            }
            partial = Arrays.copyOf(partial, Math.max(partialLength + count, partial.length * 2));
        }
        System.arraycopy(chunk, from, partial, partialLength, count);
        partialLength += count;
    }

    private static final byte[] MSG = {'M', 'S', 'G', ' '};
    private static final byte[] HMSG = {'H', 'M', 'S', 'G', ' '};
    private static final byte[] PING = {'P', 'I', 'N', 'G'};
    private static final byte[] PONG = {'P', 'O', 'N', 'G'};
    private static final byte[] INFO = {'I', 'N', 'F', 'O', ' '};
    private static final byte[] OK = {'+', 'O', 'K'};
    private static final byte[] ERR = {'-', 'E', 'R', 'R'};

    private void controlLine(byte[] line, int start, int end) {
        byte first = end > start ? line[start] : 0;
        if (first == 'M' && startsWith(line, start, end, MSG)) {
            message(line, start, end, true);
        } else if (first == 'P' && startsWith(line, start, end, PING)) {
            pings++;
        } else if (first == 'P' && startsWith(line, start, end, PONG)) {
            pongs++;
        } else if (first == 'H' && startsWith(line, start, end, HMSG)) {
            message(line, start, end, false);
        } else if (first == 'I' && startsWith(line, start, end, INFO)) {
            infos++;
        } else if (first == '-' && startsWith(line, start, end, ERR)) {
            fail("server sent " + new String(line, start, end - start, US_ASCII));
        } else if (!(first == '+' && startsWith(line, start, end, OK))) {
            unknown(line, start, end);
        }
    }

    private static boolean startsWith(byte[] line, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code MSG <subject> <sid> [reply] <size>} or {@code HMSG <subject> <sid> [reply] <header size> <size>}. */
    private void message(byte[] line, int start, int end, boolean plain) {
        long size = 0;
        long scale = 1;
        int i = end - 1;
        while (i > start && line[i] >= '0' && line[i] <= '9') {
            size += (line[i] - '0') * scale;
            scale *= 10;
            i--;
        }
        if (i == end - 1 || line[i] != ' ' || scale > 1_000_000_000_000L) {
            fail("malformed message line: " + new String(line, start, end - start, US_ASCII));
            return;
        }
        if (listener != null && !subjectAndReply(line, start + (plain ? 3 : 4), end, plain)) {
            fail("malformed message line: " + new String(line, start, end - start, US_ASCII));
            return;
        }
        messageIsPlain = plain;
        bodyRemaining = size;
        sequenceDigitsLeft = plain && sequenceModulo > 0 ? (int) Math.min(SEQUENCE_DIGITS, size) : 0;
        sequenceValue = 0;
        state = bodyRemaining == 0 ? State.CR : State.BODY;
    }

    /** Copies the subject and the reply subject (if the line has one) of a message line for the listener. */
    private boolean subjectAndReply(byte[] line, int from, int end, boolean plain) {
        int[] bounds = tokenBounds;
        int tokens = 0;
        int i = from;
        while (i < end && tokens < bounds.length / 2) {
            while (i < end && line[i] == ' ') {
                i++;
            }
            if (i == end) {
                break;
            }
            bounds[2 * tokens] = i;
            while (i < end && line[i] != ' ') {
                i++;
            }
            bounds[2 * tokens + 1] = i;
            tokens++;
        }
        int withoutReply = plain ? 3 : 4;
        if (tokens != withoutReply && tokens != withoutReply + 1) {
            return false;
        }
        subjectLength = copyToken(line, bounds[0], bounds[1], subject);
        replyLength = tokens == withoutReply + 1 ? copyToken(line, bounds[4], bounds[5], reply) : 0;
        return subjectLength >= 0 && replyLength >= 0;
    }

    private static int copyToken(byte[] line, int from, int to, byte[] into) {
        if (to - from > into.length) {
            return -1;
        }
        System.arraycopy(line, from, into, 0, to - from);
        return to - from;
    }

    /** The fast path: a body and its CRLF that lie whole in the chunk, from {@code from}; returns what follows. */
    private int wholeBody(byte[] chunk, int from) {
        int i = from;
        if (sequenceDigitsLeft > 0) {
            long value = 0;
            for (int digitsEnd = i + sequenceDigitsLeft; i < digitsEnd; i++) {
                int digit = chunk[i] - '0';
                if (digit < 0 || digit > 9) {
                    fail("message " + (messages + 1) + " has no sequence number in its payload");
                    value = -1;
                    break;
                }
                value = value * 10 + digit;
            }
            sequenceValue = value;
            sequenceDigitsLeft = 0;
        }
        int crlf = from + (int) bodyRemaining;
        if (chunk[crlf] != '\r' || chunk[crlf + 1] != '\n') {
            fail("message body not followed by CRLF (message " + (messages + 1) + ")");
        }
        bodyRemaining = 0;
        state = State.LINE;
        messageComplete();
        return crlf + 2;
    }

    private int skipBody(byte[] chunk, int from, int end) {
        int i = from;
        while (sequenceDigitsLeft > 0 && i < end) {
            int digit = chunk[i++] - '0';
            bodyRemaining--;
            sequenceDigitsLeft--;
            if (digit < 0 || digit > 9) {
                fail("message " + (messages + 1) + " has no sequence number in its payload");
                sequenceDigitsLeft = 0;
                sequenceValue = -1;
                break;
            }
            sequenceValue = sequenceValue * 10 + digit;
        }
        long skip = Math.min(bodyRemaining, end - i);
        bodyRemaining -= skip;
        i += (int) skip;
        if (bodyRemaining == 0) {
            state = State.CR;
        }
        return i;
    }

    private void messageComplete() {
        messages++;
        if (sequenceModulo > 0 && messageIsPlain && sequenceValue >= 0) {
            checkSequence(sequenceValue);
        }
        if (listener != null) {
            listener.onMessage(this);
        }
    }

    private void checkSequence(long sequence) {
        if (sequenceExact) {
            if (sequence != nextSequence) {
                fail("message " + messages + " carries sequence " + sequence + ", expected " + nextSequence
                        + " (lost, duplicated or reordered messages)");
            }
            nextSequence = nextSequence + 1 == sequenceModulo ? 0 : nextSequence + 1;
        } else if (lastSequence >= 0) {
            long step = Math.floorMod(sequence - lastSequence, (long) sequenceModulo);
            if (step == 0 || step >= sequenceModulo / 2) {
                fail("message " + messages + " carries sequence " + sequence + " after " + lastSequence
                        + " (duplicated or reordered)");
            }
        }
        lastSequence = sequence;
    }

    private void unknown(byte[] line, int start, int end) {
        fail("unexpected line from the server: "
                + new String(line, start, Math.min(end - start, 200), US_ASCII));
    }

    private void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }
}
