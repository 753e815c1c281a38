package io.natrium.adapter.resolver;

import io.natrium.application.port.out.AccountJwtFetcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * nats-server's {@code URLAccResolver}: {@code GET <url>/<account>} with the JDK's HTTP client, answered within
 * nats-server's fetch timeout (1.9 s by default) or refused. Only a 200 answer counts; its body is the JWT, cut off
 * past {@link #MAX_JWT_BYTES} so that a misbehaving server cannot make the process hold without end. What the body
 * holds is for the caller to check.
 */
public final class HttpAccountJwtFetcher implements AccountJwtFetcher {

    /** nats-server's {@code DEFAULT_ACCOUNT_FETCH_TIMEOUT}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1900);
    static final int MAX_JWT_BYTES = 1 << 20;
    private static final int OK = 200;

    private final String base;
    private final Duration timeout;
    private final HttpClient client;

    public HttpAccountJwtFetcher(String url, Duration timeout) {
        this(url, timeout, null);
    }

    /** @param tls the TLS of {@code resolver_tls} towards an {@code https} account server; null for the JDK's */
    public HttpAccountJwtFetcher(String url, Duration timeout, SSLContext tls) {
        this.base = url.endsWith("/") ? url : url + "/";
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    @Override
    public String fetch(String account) {
        try {
            return get(base + account);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String get(String url) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            throw new IOException("could not fetch <\"" + url + "\">: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("could not fetch <\"" + url + "\">: timeout awaiting response", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("could not fetch <\"" + url + "\">: interrupted", e);
        } catch (IOException e) {
            throw new IOException("could not fetch <\"" + url + "\">: " + e, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != OK) {
                throw new IOException("could not fetch <\"" + url + "\">: " + status(response.statusCode()));
            }
            // The timeout bounds the whole fetch: a body still coming at the deadline is cut by closing it.
            long left = Math.max(0, deadline - System.nanoTime());
            CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(() -> closeQuietly(body));
            byte[] jwt = body.readNBytes(MAX_JWT_BYTES + 1);
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("could not fetch <\"" + url + "\">: timeout reading the answer");
            }
            if (jwt.length > MAX_JWT_BYTES) {
                throw new IOException("could not fetch <\"" + url + "\">: the answer is larger than "
                        + MAX_JWT_BYTES + " bytes");
            }
            return new String(jwt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0 && !e.getMessage().startsWith("could not fetch")) {
                throw new IOException("could not fetch <\"" + url + "\">: timeout reading the answer", e);
            }
            throw e;
        }
    }

    /** Go's {@code resp.Status}: the code and its text, for the codes an account server answers with. */
    private static String status(int code) {
        String text = switch (code) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
        return code + text;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // Closed to cut a slow answer short; the reader reports it.
        }
    }
}
