package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;

/**
 * Debian's Chromium driven by Playwright, as a JUnit 5 extension: one browser per test class (the machines have two
 * cores), a fresh context (browser profile) per person at a named screen, closed at the latest after each test; a
 * console message about the Content-Security-Policy on a portal page fails the test.
 * Playwright never downloads a browser of its own here: it drives /usr/bin/chromium (../shared/INFRA-NOTES.md,
 * "Browser tests").
 *
 * <pre>
 * &#64;ExtendWith(RunningSuite.class)
 * class SomeBrowserIT {
 *     &#64;RegisterExtension
 *     static final Chromium chromium = new Chromium();
 *
 *     &#64;Test
 *     void something() {
 *         BrowserContext person = chromium.person(Viewport.LAPTOP); // closed after the test
 *         Page page = Chromium.signedIn(person, "admin", "admin", "/admin"); // signedInOwnSession to masquerade
 *         Chromium.screenshot(page, "some-page", Viewport.LAPTOP);
 *     }
 * }
 * </pre>
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {

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

    /**
     * A Keycloak sign-in's cookies are reused for this long (the realm's access tokens live 5 minutes; the portal does
     * not refresh them), so only the first sign-in of a user in that time goes through Keycloak's login page.
     */
    private static final Duration SIGN_IN_REUSE = Duration.ofMinutes(2);

    private static final Map<String, SignIn> SIGN_INS = new ConcurrentHashMap<>();

    private record SignIn(List<Cookie> cookies, Instant at) {
        boolean fresh() {
            return at.plus(SIGN_IN_REUSE).isAfter(Instant.now());
        }
    }

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> open = new ArrayList<>();
    /** What the browser refused on the portal's pages under their Content-Security-Policy (issue 19). */
    private final List<String> cspViolations = new ArrayList<>();

    /** Launches the browser before the class's first test (as a {@code @RegisterExtension} field). */
    public Chromium() {
    }

    private void start() {
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

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /**
     * Closes the contexts a test left open, so the next test starts without its pages and their live streams; fails
     * the test if a page of the portal broke its Content-Security-Policy.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        closeContexts();
        List<String> violations;
        synchronized (cspViolations) {
            violations = List.copyOf(cspViolations);
            cspViolations.clear();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("the portal's pages broke their Content-Security-Policy:\n"
                    + String.join("\n", violations));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A fresh browser profile (no cookies) with the given screen, in English unless a locale is given. */
    public BrowserContext person(Viewport viewport, String... locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height).setIsMobile(viewport.mobile)
                .setHasTouch(viewport.mobile).setDeviceScaleFactor(1)
                .setLocale(locale.length > 0 ? locale[0] : "en-GB").setTimezoneId("Europe/Berlin"));
        context.setDefaultTimeout(15_000);
        // every browser test walks the portal under its CSP: anything the policy blocks fails the test
        context.onConsoleMessage(message -> {
            String page = message.page() == null ? "" : message.page().url();
            if (message.text().contains("Content Security Policy") && page.startsWith(RunningSuite.PORTAL_URL)) {
                synchronized (cspViolations) {
                    cspViolations.add(page + ": " + message.text());
                }
            }
        });
        synchronized (open) {
            open.add(context);
        }
        return context;
    }

    /**
     * A new page of this person on the portal's {@code path} (e.g. /admin), signed in as a Keycloak user: through
     * Keycloak's login page the first time, with the cookies of that sign-in afterwards (see {@link #SIGN_IN_REUSE}).
     */
    public static Page signedIn(BrowserContext person, String username, String password, String path) {
        return signIn(person, username, password, path, true);
    }

    /**
     * A new page of this person on the portal's {@code path}, signed in through Keycloak's login page in a Keycloak
     * session of its own: for a test that acts as a holder, since starting a masquerade ends the admin's Keycloak
     * session (Keycloak's rule for impersonation), which must not be one that other browser profiles reuse.
     */
    public static Page signedInOwnSession(BrowserContext person, String username, String password, String path) {
        return signIn(person, username, password, path, false);
    }

    private static Page signIn(BrowserContext person, String username, String password, String path,
            boolean shared) {
        String url = RunningSuite.PORTAL_URL + path;
        Page page = person.newPage();
        SignIn earlier = SIGN_INS.get(username);
        if (shared && earlier != null && earlier.fresh()) {
            person.addCookies(earlier.cookies());
        }
        page.navigate(url);
        if (page.locator("#kc-login").count() > 0) {
            page.locator("#username").fill(username);
            page.locator("#password").fill(password);
            page.locator("#kc-login").click();
            assertThat(page).hasURL(url);
            if (shared) {
                SIGN_INS.put(username, new SignIn(person.cookies(), Instant.now()));
            }
        }
        assertThat(page).hasURL(url);
        return page;
    }

    /** The CSP violations seen since the last call (or test), which then count as expected: for a test of the CSP. */
    public List<String> takeCspViolations() {
        synchronized (cspViolations) {
            List<String> seen = List.copyOf(cspViolations);
            cspViolations.clear();
            return seen;
        }
    }

    /** A whole-page screenshot into docs/screenshots/, named after the page and the screen. */
    public static void screenshot(Page page, String name, Viewport viewport) {
        Path root = Path.of(System.getProperty("suite.root", ".."));
        Path file = root.resolve("docs/screenshots/" + name + "-" + viewport.name().toLowerCase() + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private void closeContexts() {
        List<BrowserContext> contexts;
        synchronized (open) {
            contexts = List.copyOf(open);
            open.clear();
        }
        contexts.forEach(BrowserContext::close);
    }

    @Override
    public void close() {
        if (browser == null) {
            return;
        }
        closeContexts();
        browser.close();
        playwright.close();
        browser = null;
    }
}
