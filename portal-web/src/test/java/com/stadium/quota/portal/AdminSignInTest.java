package com.stadium.quota.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.TestStack;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Signs in through the test stack's real Keycloak login page, as a browser would. */
@QuarkusTest
class AdminSignInTest {

    @TestHTTPResource("/admin")
    URL adminPage;

    @Test
    void landingPageIsPublicAndPointsAdminsToSignIn() {
        given().get("/").then().statusCode(200)
                .body(containsString("Tickets from your quota"))
                .body(containsString("href=\"/admin\""));
    }

    @Test
    void anonymousVisitorOfTheAdminPageIsSentToKeycloak() {
        given().redirects().follow(false).get("/admin").then().statusCode(302)
                .header("Location", startsWith(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/auth"));
    }

    @Test
    void adminSignsInAndSeesTheDashboardWithMasquerade() throws Exception {
        try (WebClient browser = browser()) {
            HtmlPage dashboard = signIn(browser, "admin", "admin");
            assertThat(dashboard.getUrl().getPath()).isEqualTo("/admin");
            String text = dashboard.asNormalizedText();
            assertThat(text).contains("Signed in as Ada Admin (admin)").contains("may act as a holder");
            // the services are not running beside this module's test: the page says so instead of failing
            assertThat(dashboard.getElementById("matches-unavailable")).isNotNull();
        }
    }

    @Test
    void managerWithoutMasqueradeIsNotOfferedIt() throws Exception {
        try (WebClient browser = browser()) {
            String text = signIn(browser, "manager", "manager").asNormalizedText();
            assertThat(text).contains("Signed in as Max Manager").doesNotContain("may act as a holder");
        }
    }

    @Test
    void holderWhoSignsInIsForbiddenTheAdminPages() throws Exception {
        try (WebClient browser = browser()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
            HtmlPage login = browser.getPage(adminPage);
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("username").type("holder");
            form.getInputByName("password").type("holder");
            try {
                form.getButtonByName("login").click();
                throw new AssertionError("holder reached the admin page");
            } catch (FailingHttpStatusCodeException refused) {
                assertThat(refused.getStatusCode()).isEqualTo(403);
            }
        }
    }

    private HtmlPage signIn(WebClient browser, String username, String password) throws Exception {
        HtmlPage login = browser.getPage(adminPage);
        assertThat(login.getUrl().toString()).startsWith(TestStack.keycloakUrl());
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type(username);
        form.getInputByName("password").type(password);
        return form.getButtonByName("login").click();
    }

    private static WebClient browser() {
        return LoopbackBrowser.open();
    }
}
