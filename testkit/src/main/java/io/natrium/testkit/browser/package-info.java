/**
 * A headless Chromium for tests that look at a page as a person would:
 * {@link io.natrium.testkit.browser.HeadlessChromium} starts and always ends the browser,
 * {@link io.natrium.testkit.browser.BrowserPage} navigates, evaluates, waits, records console errors and takes
 * screenshots. It speaks the DevTools protocol over the JDK's WebSocket, so no driver or npm package is needed.
 */
package io.natrium.testkit.browser;
