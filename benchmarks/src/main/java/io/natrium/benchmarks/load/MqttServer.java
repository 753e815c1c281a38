package io.natrium.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker for the MQTT load scenarios, started as a process from a configuration file written for it (Natrium,
 * nats-server with JetStream, which its MQTT needs, or Mosquitto), on 127.0.0.1 and a free MQTT port; ready once it
 * accepts an MQTT CONNECT. Its output goes to a log file.
 */
final class MqttServer implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private MqttServer(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Natrium or nats-server: {@code command} is the launcher, given {@code -c} and a NATS-style file. */
    static MqttServer nats(String name, List<String> command, boolean jetStream, Path work)
            throws IOException, InterruptedException {
        int mqtt = ServerProcesses.freePort();
        String config = "listen: 127.0.0.1:" + ServerProcesses.freePort() + "\nserver_name: mqtt_load\n"
                + (jetStream ? "jetstream { store_dir: \"" + Files.createTempDirectory(work, "js") + "\" }\n" : "")
                + "mqtt { host: 127.0.0.1, port: " + mqtt + " }\n";
        Path file = work.resolve(name + ".conf");
        Files.writeString(file, config);
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-c", file.toString()));
        return start(name, full, mqtt, work);
    }

    static MqttServer mosquitto(Path executable, Path work) throws IOException, InterruptedException {
        int mqtt = ServerProcesses.freePort();
        Path file = work.resolve("mosquitto.conf");
        Files.writeString(file, "listener " + mqtt + " 127.0.0.1\nallow_anonymous true\nmax_inflight_messages 0\n"
                + "max_queued_messages 0\n");
        return start("mosquitto", List.of(executable.toString(), "-c", file.toString()), mqtt, work);
    }

    private static MqttServer start(String name, List<String> command, int port, Path work)
            throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        MqttServer server = new MqttServer(name, process, port, log);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (MqttWire probe = MqttWire.connect(port, "ready-probe")) {
                return server;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        server.close();
        throw new IOException(command + " did not accept MQTT clients within " + READY_WITHIN.toSeconds()
                + " s; log " + log);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The file the broker's output goes to. */
    Path log() {
        return log;
    }

    /** CPU time the broker's process has used so far, in nanoseconds (counted in clock ticks). */
    long cpuNanos() {
        return ServerUnderTest.cpuNanos(process);
    }

    /** Sends SIGTERM, and SIGKILL if the process has not exited within ten seconds. */
    @Override
    public void close() {
        ServerProcesses.stop(process);
    }
}
