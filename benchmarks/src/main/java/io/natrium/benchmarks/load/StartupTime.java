package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long a server takes from process start until a client has read its INFO, the budget tools give nats-server
 * (about half a second). Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.natrium.benchmarks.load.StartupTime [runs] [command...]}; the default command is the {@code natrium} launcher.
 */
public final class StartupTime {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private StartupTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> command = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of(LoadOptions.defaultNatrium().toString());
        time(command);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(time(command));
        }
        millis.sort(Long::compare);
        System.out.println(command + ": " + millis + " ms; median " + millis.get(millis.size() / 2) + " ms");
    }

    /** Starts the command once, times the first INFO, and stops it. */
    private static long time(List<String> command) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-a", IoLoop.HOST, "-p", Integer.toString(port)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (System.nanoTime() - start < GIVE_UP_NANOS && process.isAlive()) {
                if (answersWithInfo(port)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            throw new IOException(full + " did not answer");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean answersWithInfo(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(IoLoop.HOST, port), 200);
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4), US_ASCII).equals("INFO");
        } catch (IOException notYet) {
            return false;
        }
    }
}
