package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * Not a test: a command that compares the two providers a listener's TLS can run on, JSSE and BoringSSL, with the
 * server engines {@link ServerTlsFactory} builds (JSSE asked for by its property, BoringSSL stapling) against one
 * client engine (BoringSSL, so the client's cost is the same for both): full TLS 1.3 handshakes per second, and the
 * throughput of 16 KiB records sealed by the server and opened by the client, in memory on one thread. Run it
 * with {@code ./mvnw -q -o -pl adapters-tls -am test-compile} and then {@code java -cp <the module's test class
 * path> io.natrium.adapter.tls.TlsProviderComparison [seconds]}; docs/benchmarks.md has the figures.
 */
public final class TlsProviderComparison {

    private static final int RECORD = 16 * 1024;
    private static final boolean DEBUG = Boolean.getBoolean("debug");

    private TlsProviderComparison() {
    }

    public static void main(String[] arguments) throws Exception {
        long seconds = arguments.length > 0 ? Long.parseLong(arguments[0]) : 5;
        Path directory = Files.createTempDirectory("tls-providers");
        CertificateAuthority authority = CertificateAuthority.root("Provider CA");
        try (OcspResponder responder = OcspResponder.start(authority)) {
            IssuedCertificate server = authority.issueServer(CertificateSpec.subject("CN=localhost")
                    .withDnsNames("localhost").withOcspUrls(responder.url()));
            server.writeCertificate(directory.resolve("cert.pem"));
            server.writeKey(directory.resolve("key.pem"));
            authority.asIssued().writeCertificate(directory.resolve("ca.pem"));
            TlsSettings settings = TlsSettings.ofFiles(directory.resolve("cert.pem").toString(),
                    directory.resolve("key.pem").toString(), directory.resolve("ca.pem").toString(), false);
            // The client asks for no staple, so BoringSSL's handshakes are as long as JSSE's.
            SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                    .trustManager(authority.certificate()).build();
            // JSSE as an operator asks for it where BoringSSL would serve.
            System.setProperty(BoringSsl.PROVIDER_PROPERTY, "jdk");
            ServerTls jdk = ServerTlsFactory.build(settings);
            System.clearProperty(BoringSsl.PROVIDER_PROPERTY);
            ServerTls boringSsl = ServerTlsFactory.build(settings, OcspStapling.monitor(settings,
                    new OcspSettings(OcspMode.ALWAYS, List.of())));
            for (int round = 0; round < 2; round++) {
                // The first round warms both up; the second is the one to read.
                report("JSSE", jdk, client, seconds);
                report("BoringSSL", boringSsl, client, seconds);
            }
        }
    }

    private static void report(String name, ServerTls server, SslContext client, long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long handshakes = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Pair pair = new Pair(server, client);
            pair.handshake();
            pair.release();
            handshakes++;
        }
        double handshakeRate = handshakes / ((System.nanoTime() - start) / 1e9);
        Pair pair = new Pair(server, client);
        pair.handshake();
        long bytes = 0;
        deadline = System.nanoTime() + seconds * 1_000_000_000L;
        start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            bytes += pair.sendRecord();
        }
        double megabytes = bytes / ((System.nanoTime() - start) / 1e9) / (1024 * 1024);
        pair.release();
        System.out.println(String.format(Locale.ROOT, "%-10s %,10.0f handshakes/s %,10.0f MiB/s", name, handshakeRate,
                megabytes));
    }

    /** A server engine and a client engine with the buffers between them. */
    private static final class Pair {
        private final SSLEngine server;
        private final SSLEngine client;
        private final ByteBuffer toClient = ByteBuffer.allocate(64 * 1024);
        private final ByteBuffer toServer = ByteBuffer.allocate(64 * 1024);
        private final ByteBuffer plain = ByteBuffer.allocate(64 * 1024);
        private final ByteBuffer payload = ByteBuffer.allocate(RECORD);

        Pair(ServerTls serverTls, SslContext clientContext) {
            server = serverTls.newHandler(ByteBufAllocator.DEFAULT).engine();
            client = clientContext.newEngine(ByteBufAllocator.DEFAULT, "localhost", 4222);
        }

        void handshake() throws SSLException {
            client.beginHandshake();
            server.beginHandshake();
            for (int step = 0; step < 100 && !(done(client) && done(server)); step++) {
                move(client, toServer, server);
                move(server, toClient, client);
            }
            if (!done(client) || !done(server)) {
                throw new SSLException("the handshake did not finish");
            }
        }

        int sendRecord() throws SSLException {
            payload.clear();
            toClient.clear();
            SSLEngineResult wrapped = server.wrap(payload, toClient);
            toClient.flip();
            int produced = 0;
            while (toClient.hasRemaining()) {
                plain.clear();
                SSLEngineResult result = client.unwrap(toClient, plain);
                if (DEBUG) {
                    System.out.println(wrapped + " / " + result);
                }
                produced += result.bytesProduced();
                if (result.bytesConsumed() == 0) {
                    break;
                }
            }
            return produced;
        }

        void release() {
            ReferenceCountUtil.release(server);
            ReferenceCountUtil.release(client);
        }

        private void move(SSLEngine from, ByteBuffer wire, SSLEngine to) throws SSLException {
            runTasks(from);
            wire.clear();
            ByteBuffer empty = ByteBuffer.allocate(0);
            from.wrap(empty, wire);
            runTasks(from);
            wire.flip();
            while (wire.hasRemaining()) {
                plain.clear();
                SSLEngineResult result = to.unwrap(wire, plain);
                runTasks(to);
                if (result.bytesConsumed() == 0) {
                    break;
                }
            }
        }

        private static void runTasks(SSLEngine engine) {
            for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                task.run();
            }
        }

        private static boolean done(SSLEngine engine) {
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            return status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                    || status == SSLEngineResult.HandshakeStatus.FINISHED;
        }
    }
}
