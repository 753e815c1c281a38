package io.natrium.testkit.tls;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An OCSP responder for tests, on 127.0.0.1: answers GET requests (the request in base64 after {@link #url()}) for
 * the certificates of one CA with a response Bouncy Castle signs with the CA's key, valid for an hour (or
 * {@link #validFor}). Every certificate is good unless {@link #revoke} or {@link #unknown} said otherwise. Each
 * request gets a newly signed response, or with {@link #repeatAnswers} the same bytes for a certificate until its
 * status or validity changes, so that two servers asking it can be seen to staple the same response.
 */
public final class OcspResponder implements AutoCloseable {

    private static final String PATH = "/ocsp/";

    private final CertificateAuthority authority;
    private final HttpServer server;
    private final Map<BigInteger, CertificateStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<BigInteger, byte[]> answered = new ConcurrentHashMap<>();
    private volatile Duration validity = Duration.ofHours(1);
    private volatile boolean repeat;

    private OcspResponder(CertificateAuthority authority, HttpServer server) {
        this.authority = authority;
        this.server = server;
    }

    public static OcspResponder start(CertificateAuthority authority) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OcspResponder responder = new OcspResponder(authority, server);
        server.createContext(PATH, exchange -> {
            responder.requests.incrementAndGet();
            byte[] body;
            try {
                // Standard base64 may hold slashes: the request is all that follows the path (query-escaped by
                // nats-server's OCSP peer checks, not by its stapling).
                String path = exchange.getRequestURI().getPath();
                body = responder.answer(new OCSPReq(Base64.getDecoder().decode(path.substring(PATH.length()))));
            } catch (IOException | RuntimeException e) {
                body = null;
            }
            if (body == null) {
                exchange.sendResponseHeaders(400, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return responder;
    }

    /** The responder's URL, to put in a certificate ({@link CertificateSpec#withOcspUrls}) or an {@code ocsp} block. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public void revoke(IssuedCertificate certificate) {
        statuses.put(certificate.certificate().getSerialNumber(), new RevokedStatus(new Date(), 1));
        answered.clear();
    }

    public void unknown(IssuedCertificate certificate) {
        statuses.put(certificate.certificate().getSerialNumber(), new UnknownStatus());
        answered.clear();
    }

    /** Responses from now on say the next update comes this long after they were made. */
    public void validFor(Duration duration) {
        validity = duration;
        answered.clear();
    }

    /** From now on a certificate gets the bytes it got before, until its status or the validity changes. */
    public void repeatAnswers() {
        repeat = true;
    }

    /** How many requests came. */
    public int requests() {
        return requests.get();
    }

    private byte[] answer(OCSPReq request) {
        CertificateID id = request.getRequestList()[0].getCertID();
        if (!repeat) {
            return sign(id);
        }
        return answered.computeIfAbsent(id.getSerialNumber(), serial -> sign(id));
    }

    private byte[] sign(CertificateID id) {
        try {
            X509CertificateHolder signer = new JcaX509CertificateHolder(authority.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signer.getSubject()));
            Instant now = Instant.now();
            builder.addResponse(id, statuses.getOrDefault(id.getSerialNumber(), CertificateStatus.GOOD),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), null);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                    new JcaContentSignerBuilder(authority.asIssued().certificate().getPublicKey().getAlgorithm()
                            .equals("EC") ? "SHA256withECDSA" : "SHA256withRSA").build(authority.asIssued().key()),
                    null, Date.from(now))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot answer the OCSP request", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
