package io.natrium.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import javax.net.ssl.SSLSocket;

/**
 * TLS connections opened and closed one after another: connect, read INFO in clear, a full TLS 1.3 handshake (no
 * session resumption), CONNECT and PING, read until PONG, close. Figures: connections (TLS handshakes) per second,
 * and p50 and p99 from {@code connect} until the PONG.
 */
final class TlsChurnScenario implements Scenario {

    private final long connections;
    private final LoadTls tls;

    TlsChurnScenario(long connections, LoadTls tls) {
        this.connections = connections;
        this.tls = tls;
    }

    @Override
    public String id() {
        return "tlschurn";
    }

    @Override
    public String title() {
        return "TLS connection churn";
    }

    @Override
    public long size() {
        return connections;
    }

    @Override
    public String unit() {
        return "connection";
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        InetSocketAddress address = new InetSocketAddress(IoLoop.HOST, loop.port());
        int timeout = (int) loop.timeout().toMillis();
        byte[] input = new byte[16 * 1024];
        LatencyHistogram histogram = new LatencyHistogram();
        long start = System.nanoTime();
        for (long i = 0; i < size; i++) {
            long begin = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(timeout);
                socket.connect(address, timeout);
                FrameScanner scanner = new FrameScanner();
                ConnectionChurnScenario.readUntil(socket.getInputStream(), input, scanner, scanner::infos, i);
                try (SSLSocket secured = tls.secure(socket)) {
                    ConnectionChurnScenario.hello(secured, input, scanner, i);
                }
                histogram.record(System.nanoTime() - begin);
            }
        }
        long nanos = System.nanoTime() - start;
        return List.of(Metric.rate("conn/s", size, nanos),
                Metric.latencyMicros("handshake p50 µs", histogram.percentile(0.50)),
                Metric.latencyMicros("handshake p99 µs", histogram.percentile(0.99)));
    }
}
