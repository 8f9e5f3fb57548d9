package com.stadium.quota.portal.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import com.stadium.quota.portal.holder.QuotaServiceStandIn;
import com.stadium.quota.portal.home.HomePage;
import com.stadium.quota.testing.AccessRules;
import com.stadium.quota.testing.AccessRulesCheck;
import com.stadium.quota.testing.JaxRsRoutes;
import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.SecurityHeaders;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Authorization by construction for the portal's pages: every route of its JAX-RS resources has a row in
 * src/test/resources/access-rules.md, and every kind of caller (each with the session cookies a browser would send
 * to that path) gets that row's answer. Sessions are signed in once, through Keycloak's page and the deeplink.
 */
@QuarkusTest
@QuarkusTestResource(QuotaServiceStandIn.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends AccessRulesCheck {

    // the portal's public address (suite.portal.url), where the sign-ins return to
    static final String PORTAL = "http://127.0.0.1:28090";

    /** Each caller's cookies with their paths, as the browser holds them after signing in. */
    final Map<String, List<org.htmlunit.util.Cookie>> sessions = new HashMap<>();
    final Map<String, String> values = new HashMap<>();
    static final RestAssuredConfig PATIENCE = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 5_000).setParam("http.connection.timeout", 5_000));
    static final Response NO_ANSWER = new ResponseBuilder().setStatusCode(408).setBody("").build();

    @BeforeAll
    void signIn() throws Exception {
        sessions.put("anonymous", List.of());
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage login = browser.getPage(new URL(PORTAL + "/admin"));
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("username").type("admin");
            form.getInputByName("password").type("admin");
            form.getButtonByName("login").click();
            sessions.put("admin", List.copyOf(browser.getCookieManager().getCookies()));
        }
        sessions.put("holder", deeplinkSession(QuotaServiceStandIn.GOOD));
        sessions.put("masq", deeplinkSession(QuotaServiceStandIn.MASQUERADE));
        values.put("quotaId", QuotaServiceStandIn.QUOTA);
        values.put("subquotaId", QuotaServiceStandIn.SUBQUOTA);
        values.put("ticketId", QuotaServiceStandIn.SOLD);
        values.put("matchId", "1");
        values.put("sector", "W1");
        values.put("page", "open");
        values.put("step", "claim");
        values.put("token", "no0such0link0" + UUID.randomUUID().toString().replace("-", "0"));
    }

    private static List<org.htmlunit.util.Cookie> deeplinkSession(String token) throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page;
            try {
                page = browser.getPage(new URL(PORTAL + "/invitation/" + token));
            } catch (FailingHttpStatusCodeException e) {
                // a just-started Keycloak on a loaded machine can miss the portal's 5 s for the stand-in's sign-in
                assertThat(e.getStatusCode()).as("the deeplink's sign-in").isEqualTo(503);
                page = browser.getPage(new URL(PORTAL + "/invitation/" + token));
            }
            assertThat(page.getUrl().getPath()).as("signed in by the deeplink").isEqualTo("/holder");
            return List.copyOf(browser.getCookieManager().getCookies());
        }
    }

    @Override
    protected Set<String> operations() {
        Set<String> routes = JaxRsRoutes.of(HomePage.class);
        assertThat(routes).as("the portal's routes are found").contains("GET /", "GET /admin", "GET /holder");
        return routes;
    }

    /** Pages run only the portal's own script files: no inline script, no eval (issue 19). */
    @Override
    protected Map<String, List<String>> securityHeaders() {
        Map<String, List<String>> pages = new HashMap<>(SecurityHeaders.BASELINE);
        pages.put("Content-Security-Policy", List.of("script-src 'self';", "frame-ancestors 'none'",
                "base-uri 'none'", "object-src 'none'"));
        return pages;
    }

    @Override
    protected Set<String> callers() {
        return Set.of("anonymous", "holder", "admin", "masq");
    }

    @Override
    protected Response send(AccessRules.Rule rule, String caller, String body) {
        String path = AccessRules.fill(rule.template(), values);
        if (rule.template().endsWith("/live")) {
            return stream(path, cookiesFor(caller, path));
        }
        RequestSpecification request = given();
        Map<String, String> cookies = cookiesFor(caller, path);
        String form = body;
        if (rule.method().equals("POST")) {
            // a form carries the CSRF token of the page it came from; without it every POST is a 400
            String csrf = given().cookies(cookiesFor(caller, "/")).redirects().follow(false).get("/")
                    .cookie("csrf-token");
            if (csrf != null) {
                cookies.put("csrf-token", csrf);
            }
            String token = cookies.get("csrf-token");
            if (token != null && rule.form()) {
                String field = "csrf-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                form = body.isEmpty() ? field : body + "&" + field;
            } else if (token != null) {
                request.formParam("csrf-token", token);
            }
        }
        try {
            return AccessRules.send(rule, request.config(PATIENCE).cookies(cookies), values, form);
        } catch (Exception e) { // RestAssured throws the socket's timeout unwrapped
            if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
                return NO_ANSWER; // a page that answers nothing in 5 s: shown as 408, so the run goes on
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** A live page answers with a stream that never ends: its status is all there is to compare. */
    private static Response stream(String path, Map<String, String> cookies) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(PORTAL + path).openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setReadTimeout(5_000);
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setRequestProperty("Cookie", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            int status = connection.getResponseCode();
            connection.disconnect();
            return new ResponseBuilder().setStatusCode(status).setBody("").build();
        } catch (IOException e) {
            return NO_ANSWER;
        }
    }

    /** The cookies a browser sends to the path: those whose path is a prefix of it. */
    private Map<String, String> cookiesFor(String caller, String path) {
        Map<String, String> cookies = new HashMap<>();
        for (org.htmlunit.util.Cookie cookie : sessions.get(caller)) {
            String scope = cookie.getPath() == null ? "/" : cookie.getPath();
            if (cookie.getDomain() != null && cookie.getDomain().contains("127.0.0.1")
                    && (path.equals(scope) || path.startsWith(scope.endsWith("/") ? scope : scope + "/"))) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return cookies;
    }
}
