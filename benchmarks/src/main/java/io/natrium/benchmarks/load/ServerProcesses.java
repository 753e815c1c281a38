package io.natrium.benchmarks.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/** What every server the load tools start as a process needs: a free port to give it, and a stop that ends it. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /** A port nothing listens on at this moment (another process may take it before the server does). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sends SIGTERM, and SIGKILL if the process has not exited within ten seconds. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
