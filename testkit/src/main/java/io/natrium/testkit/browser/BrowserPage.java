package io.natrium.testkit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * One tab of a {@link HeadlessChromium}: navigate, evaluate JavaScript, wait for a condition, take a screenshot.
 * From the moment it is opened it records what a developer would see in red in the console: console errors,
 * uncaught exceptions and the browser's own error entries (a failed resource load, a refused script).
 */
public final class BrowserPage {

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final DevToolsConnection devTools;
    private final String sessionId;
    private final List<String> errors = new ArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    BrowserPage(DevToolsConnection devTools, String sessionId) {
        this.devTools = devTools;
        this.sessionId = sessionId;
        devTools.addListener(this::onEvent);
    }

    void enable(int width, int height) throws IOException {
        call("Runtime.enable", DevToolsConnection.params());
        call("Log.enable", DevToolsConnection.params());
        call("Page.enable", DevToolsConnection.params());
        call("Emulation.setDeviceMetricsOverride", DevToolsConnection.params().put("width", width)
                .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Loads a URL and waits until the document has loaded. */
    public BrowserPage navigate(String url, Duration timeout) throws IOException {
        CompletableFuture<Void> load = new CompletableFuture<>();
        loaded = load;
        JsonNode result = call("Page.navigate", DevToolsConnection.params().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IOException("cannot load " + url + ": " + result.get("errorText").asText());
        }
        try {
            load.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(url + " did not finish loading within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted loading " + url, e);
        }
        return this;
    }

    /**
     * Evaluates a JavaScript expression (awaiting it when it is a promise) and returns its value as JSON: a missing
     * node for {@code undefined}.
     *
     * @throws IOException when the expression throws
     */
    public JsonNode evaluate(String expression) throws IOException {
        JsonNode result = call("Runtime.evaluate", DevToolsConnection.params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("evaluating " + expression + " threw " + describe(result.get("exceptionDetails")));
        }
        return result.path("result").path("value");
    }

    /**
     * Evaluates {@code condition} until it is {@code true}; fails with the last value when {@code timeout} passes.
     */
    public BrowserPage await(String condition, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = evaluate(condition);
        while (!last.asBoolean(false)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the page never met " + condition + " within " + timeout
                        + "; the last value was " + last + "; console errors: " + errors());
            }
            LockSupport.parkNanos(POLL_NANOS);
            last = evaluate(condition);
        }
        return this;
    }

    /** A PNG of the whole page, beyond the viewport too. */
    public byte[] screenshot() throws IOException {
        JsonNode size = call("Page.getLayoutMetrics", DevToolsConnection.params()).path("cssContentSize");
        ObjectNode params = DevToolsConnection.params().put("format", "png").put("captureBeyondViewport", true);
        params.putObject("clip").put("x", 0).put("y", 0).put("width", Math.ceil(size.path("width").asDouble()))
                .put("height", Math.ceil(size.path("height").asDouble())).put("scale", 1);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, screenshot());
    }

    /** Console errors, uncaught exceptions and error log entries so far. */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        return devTools.call(method, params, sessionId);
    }

    private void onEvent(JsonNode event) {
        if (!sessionId.equals(event.path("sessionId").asText())) {
            return;
        }
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    List<String> texts = new ArrayList<>();
                    params.path("args").forEach(argument -> texts.add(argument.has("value")
                            ? argument.get("value").asText() : argument.path("description").asText()));
                    record("console." + type + ": " + String.join(" ", texts));
                }
            }
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> record("uncaught: " + describe(params.path("exceptionDetails")));
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if (entry.path("level").asText().equals("error")) {
                    record(entry.path("source").asText() + ": " + entry.path("text").asText() + " "
                            + entry.path("url").asText(""));
                }
            }
            default -> {
                // other events are of no interest
            }
        }
    }

    private synchronized void record(String error) {
        errors.add(error);
    }

    private static String describe(JsonNode exceptionDetails) {
        JsonNode exception = exceptionDetails.path("exception");
        return exception.has("description") ? exception.get("description").asText()
                : exceptionDetails.path("text").asText();
    }
}
