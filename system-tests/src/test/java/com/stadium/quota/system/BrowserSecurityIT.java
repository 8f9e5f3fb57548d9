package com.stadium.quota.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.stadium.quota.system.Chromium.Viewport;

/**
 * The portal's Content-Security-Policy as a browser applies it (issue 19, item 4): a script slipped into a page does
 * not run, and the browser tests see the violation (every browser IT fails on one, see {@link Chromium}).
 */
@ExtendWith(RunningSuite.class)
class BrowserSecurityIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void aScriptSlippedIntoAPageDoesNotRunAndTheBrowserTestsSeeTheViolation() {
        Page page = chromium.person(Viewport.LAPTOP).newPage();
        Response answer = page.navigate(RunningSuite.PORTAL_URL + "/");
        assertThat(answer.headers().get("content-security-policy")).contains("script-src 'self';")
                .contains("frame-ancestors 'none'");
        assertThat(answer.headers().get("referrer-policy")).isEqualTo("no-referrer");
        // what an injected <script>…</script> in a page would do: the CSP blocks it before it runs
        page.waitForConsoleMessage(() -> assertThat(page.evaluate("""
                () => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
                        document.head.appendChild(s); return window.injected === 1; }""")).isEqualTo(false));
        assertThat(chromium.takeCspViolations()).singleElement().asString().contains("script-src");
    }
}
