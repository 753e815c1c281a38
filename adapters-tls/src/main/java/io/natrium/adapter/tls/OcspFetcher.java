package io.natrium.adapter.tls;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Asks the responders for the certificate's status as nats-server's {@code getRemoteStatus} does: the request in
 * standard base64 after the responder's URL (its trailing slash dropped) in a GET, each responder in turn until one
 * answers 200, the configured {@code url}/{@code urls} instead of the certificate's own when given; then reads and
 * checks the answer ({@link OcspResponses}).
 */
public final class OcspFetcher {

    /** nats-server's HTTP client timeout for the responders. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Clock clock;
    /**
     * Made at the first fetch: building an HTTP client loads and sets up the JDK's TLS stack (about 400 classes and
     * a good part of a second of CPU at start), and the start checks stapling for every configuration, also those
     * with nothing to staple.
     */
    private HttpClient http;

    OcspFetcher(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    public static OcspFetcher create() {
        return new OcspFetcher(TIMEOUT, Clock.systemUTC());
    }

    /** Go's words for a refused connection (the usual failure); Java's for the others. */
    static String goWords(URI url, Exception e) {
        if (e instanceof ConnectException && e.getMessage() == null) {
            int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            return "dial tcp " + url.getHost() + ":" + port + ": connect: connection refused";
        }
        return e.toString();
    }

    /**
     * @param responders the configured responders, or empty for the certificate's own (authority information access)
     */
    public OcspResponse fetch(X509Certificate leaf, X509Certificate issuer, List<String> responders)
            throws OcspException, InterruptedException {
        List<String> urls = responders.isEmpty() ? AuthorityInformationAccess.ocspUrls(leaf) : responders;
        if (urls.isEmpty()) {
            throw new OcspException("no available ocsp servers");
        }
        String request = Base64.getEncoder().encodeToString(OcspRequests.create(leaf, issuer));
        String lastError = null;
        for (String url : urls) {
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            try {
                HttpResponse<byte[]> answer = http().send(HttpRequest.newBuilder(URI.create(base + "/" + request))
                        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() == 200) {
                    return OcspResponses.parse(answer.body(), leaf, issuer, clock.instant());
                }
                lastError = "non-ok http status: " + answer.statusCode();
            } catch (IOException | IllegalArgumentException e) {
                lastError = "Get \"" + base + "/" + request + "\": " + goWords(URI.create(base), e);
            }
        }
        throw new OcspException("exhausted ocsp servers: " + lastError);
    }
}
