package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ClientSession;
import io.natrium.domain.HotPath;

/**
 * The arguments of PUB, HPUB, SUB and UNSUB, read from the control line the way nats-server's {@code processPub},
 * {@code processHeaderPub}, {@code parseSub} and {@code processUnsub} read them. A bad line comes back as
 * nats-server's words for what is wrong with it (constants, so a good line costs nothing); a good one comes back as
 * null, its message filled in or its subscription change passed on. Limits are the decoder's to check.
 */
@HotPath
final class OperationArguments {

    private OperationArguments() {
    }

    /** {@code PUB <subject> [reply] <size>}: null when the message now holds them, else the problem. */
    static String publish(ControlLine line, WireInboundMessage message) {
        return publish(line, line.split(false), message);
    }

    /** As {@link #publish(ControlLine, WireInboundMessage)}, for a line already split into {@code count}. */
    static String publish(ControlLine line, int count, WireInboundMessage message) {
        if (count != 2 && count != 3) {
            return "processPub Parse Error";
        }
        int last = count - 1;
        int size = line.parseSize(last);
        if (size < 0) {
            return "processPub Bad or Missing Size";
        }
        subjectAndReply(line, message, count == 3);
        message.setSizeTexts(line.bytes(), 0, 0, line.start(last), line.length(last));
        message.setSizes(0, size);
        return null;
    }

    /** {@code HPUB <subject> [reply] <header size> <total size>}: null when the message now holds them. */
    static String headerPublish(ControlLine line, WireInboundMessage message) {
        int count = line.split(false);
        if (count != 3 && count != 4) {
            return "processHeaderPub Parse Error";
        }
        int headerArgument = count - 2;
        int totalArgument = count - 1;
        int headerSize = line.parseSize(headerArgument);
        int size = line.parseSize(totalArgument);
        if (headerSize < 0) {
            return "processHeaderPub Bad or Missing Header Size";
        }
        if (size < 0) {
            return "processHeaderPub Bad or Missing Total Size";
        }
        if (headerSize > size) {
            // Sic: nats-server's spelling.
            return "processHeaderPub Header Size larger then TotalSize";
        }
        subjectAndReply(line, message, count == 4);
        message.setSizeTexts(line.bytes(), line.start(headerArgument), line.length(headerArgument),
                line.start(totalArgument), line.length(totalArgument));
        message.setSizes(headerSize, size);
        return null;
    }

    /** {@code SUB <subject> [queue] <sid>}, passed on to the session when it reads. */
    static String subscribe(ControlLine line, ClientSession session) {
        int count = line.split(true);
        if (count != 2 && count != 3) {
            return "processSub Parse Error";
        }
        session.subscribe(line.text(0), count == 3 ? line.text(1) : null, line.text(count - 1));
        return null;
    }

    /** {@code UNSUB <sid> [max]}, passed on to the session when it reads; a max that is no number is none. */
    static String unsubscribe(ControlLine line, ClientSession session) {
        int count = line.split(true);
        if (count != 1 && count != 2) {
            return "processUnsub Parse Error";
        }
        session.unsubscribe(line.text(0), count == 2 ? line.parseSize(1) : -1);
        return null;
    }

    private static void subjectAndReply(ControlLine line, WireInboundMessage message, boolean withReply) {
        if (line.firstHashed()) {
            message.setAsciiSubject(line.bytes(), line.start(0), line.length(0), line.firstHash());
        } else {
            message.setSubject(line.bytes(), line.start(0), line.length(0));
        }
        if (withReply) {
            message.setReply(line.bytes(), line.start(1), line.length(1));
        } else {
            message.clearReply();
        }
    }
}
