package io.natrium.bootstrap;

import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long this machine, as busy as it is right now, takes from starting a JVM to that JVM's port taking a connection,
 * for a program that does nothing else ({@link #main}): the floor under any Java server's start, Natrium's included.
 * Tests that judge a start against a launching tool's fixed window measure it beside each start, and judge only starts
 * the floor left room for.
 */
final class JvmStartFloor {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private JvmStartFloor() {
    }

    /** Binds the port it is given and waits to be killed. */
    public static void main(String[] args) throws Exception {
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            TimeUnit.MINUTES.sleep(1);
        }
    }

    /** Starts {@link #main} with the java running the tests and returns when its port took a connection. */
    static Duration measure() throws Exception {
        int port = ServerProcess.freePort();
        Path classes = Path.of(JvmStartFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        long begin = System.nanoTime();
        Process jvm = new ProcessBuilder(JavaRuntime.current().java().toString(), "-Xshare:auto", "-cp",
                classes.toString(), JvmStartFloor.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = begin + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline && jvm.isAlive()) {
                if (takesConnection(port)) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            throw new IllegalStateException("a bare JVM never bound its port within " + GIVE_UP);
        } finally {
            jvm.destroyForcibly();
            jvm.waitFor(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static boolean takesConnection(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
