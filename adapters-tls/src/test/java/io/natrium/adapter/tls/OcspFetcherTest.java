package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OCSP client against a responder started by the test, whose answers Bouncy Castle builds and signs: the status
 * of the certificate it asked about (good, revoked, unknown), and nats-server's errors when no answer can be used
 * (no responder reachable, a responder's error, a signature by someone else, an answer out of date).
 */
class OcspFetcherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String RESPONDER_PATH = "/ocsp/";

    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private CertificateAuthority authority;
    private X509Certificate issuer;
    private HttpServer responder;
    private volatile Function<OCSPReq, byte[]> answer;
    private String url;

    @BeforeEach
    void startResponder() throws IOException {
        authority = CertificateAuthority.root("OCSP Fetch CA");
        issuer = authority.certificate();
        responder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        responder.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            paths.add(path);
            byte[] body;
            try {
                // Standard base64 may hold slashes: the request is all that follows the responder's path.
                body = answer.apply(new OCSPReq(Base64.getDecoder().decode(path.substring(RESPONDER_PATH.length()))));
            } catch (IOException | RuntimeException e) {
                failures.add(e);
                body = null;
            }
            if (body == null) {
                exchange.sendResponseHeaders(500, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        responder.start();
        url = "http://127.0.0.1:" + responder.getAddress().getPort() + RESPONDER_PATH;
    }

    @AfterEach
    void stopResponder() {
        responder.stop(0);
    }

    @Test
    void readsAGoodStatusFromTheCertificatesOwnResponder() throws Exception {
        X509Certificate leaf = leaf(url);
        answer = request -> signed(authority.asIssued(), request, CertificateStatus.GOOD, Duration.ofHours(1));

        OcspResponse response = fetcher().fetch(leaf, issuer, List.of());

        assertThat(response.status()).isEqualTo(OcspResponse.Status.GOOD);
        assertThat(response.nextUpdate()).isAfter(Instant.now());
        assertThat(response.raw()).isNotEmpty();
        assertThat(failures).isEmpty();
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0)).as("the trailing slash dropped, the request in base64 after it")
                .startsWith(RESPONDER_PATH).doesNotStartWith(RESPONDER_PATH + "/");
    }

    @Test
    void readsRevokedAndUnknownStatuses() throws Exception {
        X509Certificate leaf = leaf(url);
        answer = request -> signed(authority.asIssued(), request, new RevokedStatus(new Date(), 1),
                Duration.ofHours(1));
        assertThat(fetcher().fetch(leaf, issuer, List.of()).status()).isEqualTo(OcspResponse.Status.REVOKED);

        answer = request -> signed(authority.asIssued(), request, new UnknownStatus(), Duration.ofHours(1));
        assertThat(fetcher().fetch(leaf, issuer, List.of()).status()).isEqualTo(OcspResponse.Status.UNKNOWN);
    }

    @Test
    void configuredRespondersReplaceTheCertificatesOwn() throws Exception {
        X509Certificate leaf = leaf("http://127.0.0.1:" + closedPort());
        answer = request -> signed(authority.asIssued(), request, CertificateStatus.GOOD, Duration.ofHours(1));

        assertThat(fetcher().fetch(leaf, issuer, List.of("http://127.0.0.1:" + closedPort(), url)).status())
                .isEqualTo(OcspResponse.Status.GOOD);
    }

    @Test
    void unreachableRespondersExhaustTheList() throws Exception {
        int port = closedPort();
        X509Certificate leaf = leaf("http://127.0.0.1:" + port);

        // Go's words for the refused connection, as nats-server logs them.
        assertThatThrownBy(() -> fetcher().fetch(leaf, issuer, List.of())).isInstanceOf(OcspException.class)
                .hasMessageStartingWith("exhausted ocsp servers: Get \"http://127.0.0.1:" + port + "/")
                .hasMessageEndingWith("\": dial tcp 127.0.0.1:" + port + ": connect: connection refused");
        assertThatThrownBy(() -> fetcher().fetch(authority.issueServer(CertificateSpec.subject("CN=none"))
                .certificate(), issuer, List.of())).hasMessage("no available ocsp servers");
    }

    @Test
    void aResponderErrorIsNoAnswer() throws Exception {
        X509Certificate leaf = leaf(url);
        answer = request -> null;
        assertThatThrownBy(() -> fetcher().fetch(leaf, issuer, List.of()))
                .hasMessage("exhausted ocsp servers: non-ok http status: 500");

        answer = request -> unsuccessful(OCSPRespBuilder.TRY_LATER);
        assertThatThrownBy(() -> fetcher().fetch(leaf, issuer, List.of()))
                .hasMessage("failed to get remote status: ocsp: error from server: try later");
    }

    @Test
    void anAnswerSignedBySomeoneElseIsRefused() throws Exception {
        X509Certificate leaf = leaf(url);
        IssuedCertificate stranger = CertificateAuthority.root("Stranger").asIssued();
        answer = request -> signed(stranger, request, CertificateStatus.GOOD, Duration.ofHours(1));

        assertThatThrownBy(() -> fetcher().fetch(leaf, issuer, List.of())).isInstanceOf(OcspException.class)
                .hasMessageStartingWith("failed to get remote status: ocsp: bad signature");
    }

    @Test
    void anAnswerOutOfDateIsRefused() throws Exception {
        X509Certificate leaf = leaf(url);
        answer = request -> signed(authority.asIssued(), request, CertificateStatus.GOOD, Duration.ofHours(1));
        OcspFetcher later = new OcspFetcher(TIMEOUT, Clock.fixed(Instant.now().plus(Duration.ofHours(2)),
                ZoneOffset.UTC));

        assertThatThrownBy(() -> later.fetch(leaf, issuer, List.of()))
                .hasMessageStartingWith("invalid ocsp NextUpdate, is past time: ");
    }

    private X509Certificate leaf(String responder) {
        return authority.issueServer(CertificateSpec.subject("CN=localhost").withOcspUrls(responder)).certificate();
    }

    private static OcspFetcher fetcher() {
        return new OcspFetcher(TIMEOUT, Clock.systemUTC());
    }

    /** A successful basic response about the requested certificate, signed by {@code signer}. */
    private byte[] signed(IssuedCertificate signer, OCSPReq request, CertificateStatus status, Duration valid) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CertificateID id = request.getRequestList()[0].getCertID();
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            if (!id.matchesIssuer(issuerHolder, digests)) {
                throw new IllegalStateException("the request names another issuer");
            }
            X509CertificateHolder signerHolder = new JcaX509CertificateHolder(signer.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signerHolder.getSubject()));
            Instant now = Instant.now();
            builder.addResponse(id, status, Date.from(now.minusSeconds(60)), Date.from(now.plus(valid)), null);
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(signer.key()), null, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsuccessful(int status) {
        try {
            OCSPResp response = new OCSPRespBuilder().build(status, null);
            return response.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
