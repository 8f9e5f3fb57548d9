package com.stadium.quota.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, one per test class (the machines have two cores). Playwright never
 * downloads a browser of its own here: it drives /usr/bin/chromium (../shared/INFRA-NOTES.md, "Browser tests").
 */
public final class Chromium implements AutoCloseable {

    /** The screens the portal is tested on: a phone held upright, a laptop, and a tablet held upright (admin pages). */
    public enum Viewport {
        PHONE(390, 844, true), LAPTOP(1366, 900, false), TABLET(820, 1180, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    private static final String EXECUTABLE = System.getenv().getOrDefault("SUITE_CHROMIUM", "/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        if (!Files.isExecutable(Path.of(EXECUTABLE))) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's chromium (./suite test does)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                        // a context's routes also see a service worker's requests, so a test can cut them off
                        "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(EXECUTABLE))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage")));
    }

    public static Chromium launch() {
        return new Chromium();
    }

    /** A fresh browser profile (no cookies) with the given screen, in English unless a locale is given. */
    public BrowserContext person(Viewport viewport, String... locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height).setIsMobile(viewport.mobile)
                .setHasTouch(viewport.mobile).setDeviceScaleFactor(1)
                .setLocale(locale.length > 0 ? locale[0] : "en-GB").setTimezoneId("Europe/Berlin"));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** A whole-page screenshot into docs/screenshots/, named after the page and the screen. */
    public static void screenshot(Page page, String name, Viewport viewport) {
        Path root = Path.of(System.getProperty("suite.root", ".."));
        Path file = root.resolve("docs/screenshots/" + name + "-" + viewport.name().toLowerCase() + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
