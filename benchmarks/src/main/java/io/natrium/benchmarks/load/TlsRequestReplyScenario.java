package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javax.net.ssl.SSLSocket;

/**
 * {@code reqreply} over TLS: the same sequential round trips, 16 B each way, and the same checks (each reply on the
 * request's own inbox), between a responder and a requester that are blocking TLS sockets, the responder answering
 * on a thread of its own. The first tenth (at most 1,000) are an unrecorded warm-up. Figures: p50, p99 and p99.9 of
 * the round trip in microseconds.
 */
final class TlsRequestReplyScenario implements Scenario {

    private final long requests;
    private final LoadTls tls;

    TlsRequestReplyScenario(long requests, LoadTls tls) {
        this.requests = requests;
        this.tls = tls;
    }

    @Override
    public String id() {
        return "tlsreqreply";
    }

    @Override
    public String title() {
        return "request/reply over TLS, 16 B";
    }

    @Override
    public long size() {
        return requests;
    }

    @Override
    public String unit() {
        return "request";
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        int timeout = (int) loop.timeout().toMillis();
        byte[] input = new byte[64 * 1024];
        RequestReplyScenario.Responder responder = new RequestReplyScenario.Responder();
        FrameScanner requests = new FrameScanner().listener(responder);
        RequestReplyScenario.Requester requester = new RequestReplyScenario.Requester();
        FrameScanner replies = new FrameScanner().listener(requester);
        try (SSLSocket service = tls.connect(loop, timeout, input, requests);
                SSLSocket client = tls.connect(loop, timeout, input, replies)) {
            OutputStream serviceOut = service.getOutputStream();
            responder.out = (bytes, offset, length) -> write(serviceOut, bytes, offset, length);
            subscribe(service, "SUB " + RequestReplyScenario.SERVICE + " 1\r\n", input, requests);
            subscribe(client, "SUB " + RequestReplyScenario.INBOX + "* 1\r\n", input, replies);
            Thread answering = new Thread(() -> answer(service, requests), "tls-responder");
            answering.setDaemon(true);
            answering.start();

            OutputStream clientOut = client.getOutputStream();
            InputStream clientIn = client.getInputStream();
            List<Metric> latencies = RequestReplyScenario.latencies(size, requester, i -> {
                clientOut.write(requester.request);
                clientOut.flush();
                while (!requester.getAsBoolean()) {
                    int read = clientIn.read(input);
                    if (read < 0) {
                        throw new LoadFailure("the server closed the requester");
                    }
                    replies.feed(input, 0, read);
                }
            });
            long answered = RequestReplyScenario.roundTrips(size);
            if (replies.messages() != answered) {
                throw new LoadFailure("requester received " + replies.messages() + " replies, expected " + answered);
            }
            return latencies;
        }
    }

    /** Sends a SUB and waits for the PONG of a PING after it, so that the server has it before any request. */
    private static void subscribe(SSLSocket socket, String sub, byte[] input, FrameScanner scanner)
            throws IOException {
        long pongs = scanner.pongs();
        socket.getOutputStream().write((sub + "PING\r\n").getBytes(US_ASCII));
        socket.getOutputStream().flush();
        ConnectionChurnScenario.readUntil(socket.getInputStream(), input, scanner, () -> scanner.pongs() - pongs, 0);
    }

    /** The responder's loop: reads requests until the socket closes; the listener writes each reply. */
    private static void answer(SSLSocket service, FrameScanner requests) {
        byte[] input = new byte[64 * 1024];
        try {
            InputStream in = service.getInputStream();
            for (int read = in.read(input); read >= 0; read = in.read(input)) {
                requests.feed(input, 0, read);
            }
        } catch (IOException closed) {
            // The scenario closed the socket: its run is over.
        }
    }

    private static void write(OutputStream out, byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
