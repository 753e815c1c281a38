package io.natrium.adapter.tls;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's {@code certidp.FetchOCSPResponse}: the request as Go's {@code ocsp.CreateRequest} makes it, in
 * standard base64 query-escaped after each responder's URL (its trailing slash dropped), each asked in turn within
 * {@code ca_timeout} until one answers 200; the body is returned unread.
 */
final class OcspPeerFetch {

    private static final Logger LOG = LoggerFactory.getLogger(OcspPeerFetch.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private OcspPeerFetch() {
    }

    static byte[] fetch(OcspPeerVerifier.ChainLink link, Duration caTimeout)
            throws OcspException, InterruptedException {
        Duration timeout = caTimeout == null || caTimeout.isZero() || caTimeout.isNegative() ? DEFAULT_TIMEOUT
                : caTimeout;
        if (link.responders().isEmpty()) {
            throw new OcspException("no available OCSP servers");
        }
        String request = URLEncoder.encode(Base64.getEncoder().encodeToString(
                OcspRequests.create(link.leaf(), link.issuer())), StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String lastError = null;
        for (String responder : link.responders()) {
            LOG.debug("Trying OCSP responder url [{}]", responder);
            String base = responder.endsWith("/") ? responder.substring(0, responder.length() - 1) : responder;
            String url = base + "/" + request;
            try {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() == 200) {
                    return answer.body();
                }
                lastError = "bad OCSP responder http status: [" + answer.statusCode() + "]";
            } catch (HttpTimeoutException e) {
                lastError = "Get \"" + url + "\": context deadline exceeded (Client.Timeout exceeded while awaiting "
                        + "headers)";
            } catch (IOException | IllegalArgumentException e) {
                lastError = "Get \"" + url + "\": " + OcspFetcher.goWords(URI.create(base), e);
            }
        }
        throw new OcspException("exhausted OCSP responders: " + lastError);
    }
}
