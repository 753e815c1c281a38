package io.natrium.adapter.monitor;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;

/**
 * /stacksz: a dump of every JVM thread, the equivalent of nats-server's goroutine dump. Like nats-server, it is sent
 * through the JSON response handler (so labelled JSON) and not counted in {@code http_req_stats}.
 */
final class StackszEndpoint implements Endpoint {

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        return MonitorResponse.json(dump().getBytes(StandardCharsets.UTF_8));
    }

    static String dump() {
        StringBuilder text = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            append(text, thread);
        }
        return text.toString();
    }

    /** A frame as jstack prints it: without the class loader and module prefix. */
    private static String frame(StackTraceElement frame) {
        String location;
        if (frame.isNativeMethod()) {
            location = "Native Method";
        } else if (frame.getFileName() == null) {
            location = "Unknown Source";
        } else if (frame.getLineNumber() >= 0) {
            location = frame.getFileName() + ":" + frame.getLineNumber();
        } else {
            location = frame.getFileName();
        }
        return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
    }

    private static void append(StringBuilder text, ThreadInfo thread) {
        text.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId());
        if (thread.isDaemon()) {
            text.append(" daemon");
        }
        text.append(" prio=").append(thread.getPriority()).append(' ').append(thread.getThreadState());
        if (thread.getLockName() != null) {
            text.append(" on ").append(thread.getLockName());
            if (thread.getLockOwnerName() != null) {
                text.append(" owned by \"").append(thread.getLockOwnerName()).append("\" #")
                        .append(thread.getLockOwnerId());
            }
        }
        text.append('\n');
        StackTraceElement[] frames = thread.getStackTrace();
        MonitorInfo[] monitors = thread.getLockedMonitors();
        for (int depth = 0; depth < frames.length; depth++) {
            text.append("\tat ").append(frame(frames[depth])).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    text.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = thread.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            text.append("\n\tLocked synchronizers:\n");
            for (LockInfo synchronizer : synchronizers) {
                text.append("\t- ").append(synchronizer).append('\n');
            }
        }
        text.append('\n');
    }
}
