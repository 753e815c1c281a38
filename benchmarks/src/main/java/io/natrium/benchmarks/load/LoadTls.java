package io.natrium.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of the TLS scenarios: one self-signed ECDSA P-256 certificate for 127.0.0.1, made by {@code openssl} for
 * the run, which every server under test is given ({@code tls { cert_file, key_file }} with {@code allow_non_tls},
 * so the plain scenarios run on the same port), and the clients' socket factory trusting it. A client reads INFO in
 * clear, then starts TLS, as NATS clients do.
 */
final class LoadTls {

    private final Path certificate;
    private final Path key;
    private final SSLSocketFactory sockets;

    private LoadTls(Path certificate, Path key, SSLSocketFactory sockets) {
        this.certificate = certificate;
        this.key = key;
        this.sockets = sockets;
    }

    static LoadTls create(Path directory) throws IOException, InterruptedException {
        Path certificate = directory.resolve("load-cert.pem");
        Path key = directory.resolve("load-key.pem");
        Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", certificate.toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("openssl.log").toFile()).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make the TLS certificate; see "
                    + directory.resolve("openssl.log"));
        }
        try (InputStream in = Files.newInputStream(certificate)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return new LoadTls(certificate, key, context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The configuration lines that give a server this certificate on its client port. */
    String configuration() {
        return "tls {\n  cert_file: \"" + certificate + "\"\n  key_file: \"" + key + "\"\n}\nallow_non_tls: true\n";
    }

    /**
     * A client of the server under test past CONNECT/PING/PONG over TLS: INFO read in clear, then the handshake, as
     * NATS clients do; {@code scanner} has seen the INFO and the PONG.
     */
    SSLSocket connect(IoLoop loop, int timeout, byte[] input, FrameScanner scanner) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.setSoTimeout(timeout);
        plain.connect(new InetSocketAddress(IoLoop.HOST, loop.port()), timeout);
        ConnectionChurnScenario.readUntil(plain.getInputStream(), input, scanner, scanner::infos, 0);
        SSLSocket secured = secure(plain);
        ConnectionChurnScenario.hello(secured, input, scanner, 0);
        return secured;
    }

    /** Starts TLS on a connected socket that has read INFO; the handshake is complete on return. */
    SSLSocket secure(Socket plain) throws IOException {
        SSLSocket secured = (SSLSocket) sockets.createSocket(plain, IoLoop.HOST, plain.getPort(), true);
        secured.setUseClientMode(true);
        secured.startHandshake();
        return secured;
    }
}
