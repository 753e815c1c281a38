package io.natrium.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.testkit.ExternalTools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

/** The browser driver against pages of its own (data: URLs): what it reads, records, draws, and that it cleans up. */
class HeadlessChromiumTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void evaluatesWaitsRecordsErrorsAndTakesScreenshots() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.launch(ExternalTools.chromium(), TIMEOUT)) {
            BrowserPage page = browser.newPage(320, 200).navigate(page("""
                    <title>t</title><p id="p">waiting</p>
                    <script>
                      setTimeout(() => document.getElementById('p').textContent = 'ready', 300);
                      console.log('fine');
                      console.error('bad', 42);
                      setTimeout(() => { throw new Error('boom'); }, 0);
                    </script>
                    <img src="http://127.0.0.1:1/missing.png">"""), TIMEOUT);

            assertThat(page.evaluate("1 + 2").asInt()).isEqualTo(3);
            assertThat(page.evaluate("Promise.resolve('later')").asText()).isEqualTo("later");
            assertThat(page.evaluate("undefined").isMissingNode()).isTrue();
            page.await("document.getElementById('p').textContent === 'ready'", TIMEOUT);
            assertThatThrownBy(() -> page.await("false", Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("never met false");
            assertThatThrownBy(() -> page.evaluate("null.x")).hasMessageContaining("TypeError");
            page.await("true", TIMEOUT);

            page.await("document.images[0].complete", TIMEOUT);
            // Errors arrive as events, independently of evaluations.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (page.errors().size() < 3 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000);
            }
            List<String> errors = page.errors();
            assertThat(errors).as("console.log is no error").hasSize(3);
            assertThat(errors).contains("console.error: bad 42");
            assertThat(errors).anyMatch(error -> error.startsWith("uncaught: Error: boom"));
            assertThat(errors).anyMatch(error -> error.startsWith("network: ") && error.endsWith("/missing.png"));

            byte[] png = page.screenshot();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void closeEndsTheBrowserAndItsHelpersAndDeletesTheProfile() throws Exception {
        HeadlessChromium browser = HeadlessChromium.launch(ExternalTools.chromium(), TIMEOUT);
        browser.newPage(320, 200).navigate(page("<p>x</p>"), TIMEOUT);
        ProcessHandle process = browser.processHandle();
        List<ProcessHandle> helpers = process.descendants().toList();
        assertThat(helpers).as("Chromium runs renderers in helper processes").isNotEmpty();

        browser.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(helpers).as("ended (zombies until the container's init reaps them)")
                .allMatch(HeadlessChromium::exited);
        assertThat(Files.exists(browser.profile())).isFalse();
    }
}
