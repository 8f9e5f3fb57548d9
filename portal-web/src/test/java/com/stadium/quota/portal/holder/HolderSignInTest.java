package com.stadium.quota.portal.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.TestStack;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A holder opens the deeplink of the mail in a browser and lands on their tickets, signed in, without a password. */
@QuarkusTest
@QuarkusTestResource(QuotaServiceStandIn.class)
class HolderSignInTest {

    // the portal's public address (suite.portal.url): the deeplink in the mail and the sign-in both use it
    static final String PORTAL = "http://127.0.0.1:28090";
    final URL invitation = url("/invitation/");
    final URL holderPage = url("/holder");

    private static URL url(String path) {
        try {
            return new URL(PORTAL + path);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDeeplinkOpensTheHoldersTicketsInASignedInSession() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page = browser.getPage(new URL(invitation, QuotaServiceStandIn.GOOD));
            assertThat(page.getUrl().getPath()).isEqualTo("/holder");
            String text = page.asNormalizedText();
            assertThat(text).contains("My tickets").contains("Hanna Holder")
                    .contains(QuotaServiceStandIn.MATCH);
            assertThat(page.getElementById("masquerade-banner")).isNull();
            // the session is the portal's own: the next visit needs no link
            HtmlPage again = browser.getPage(holderPage);
            assertThat(again.getUrl().getPath()).isEqualTo("/holder");
            assertThat(again.asNormalizedText()).contains(QuotaServiceStandIn.MATCH);
            assertThat(browser.getCookieManager().getCookie(InvitationPage.COOKIE)).isNull();
        }
    }

    @Test
    void whenQuotaServiceFailsTheHolderIsAskedToTryAgainInAMinute() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            browser.getPage(new URL(invitation, QuotaServiceStandIn.GOOD));
            QuotaServiceStandIn.failing = true;
            HtmlPage page = browser.getPage(holderPage);
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(page.getElementById("try-later").asNormalizedText()).isEqualTo("We cannot show this right now");
            assertThat(page.asNormalizedText()).contains("Please try again in a minute").doesNotContain("Exception")
                    .doesNotContain("{");
        } finally {
            QuotaServiceStandIn.failing = false;
        }
    }

    @Test
    void aBadLinkShowsAFriendlyPage() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage page = browser.getPage(new URL(invitation, "NotAValidTokenAtAll0000000000000000000000000"));
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(page.getElementById("link-not-valid")).isNotNull();
            assertThat(page.asNormalizedText()).contains("This link does not work").doesNotContain("Exception")
                    .contains("tickets@club.example");
            HtmlPage tooLong = browser.getPage(new URL(invitation, "x".repeat(300)));
            assertThat(tooLong.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(tooLong.getElementById("link-not-valid")).isNotNull();
        }
    }

    @Test
    void anAdminActingAsTheHolderIsShownInABanner() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page = browser.getPage(new URL(invitation, QuotaServiceStandIn.MASQUERADE));
            assertThat(page.getUrl().getPath()).isEqualTo("/holder");
            assertThat(page.getElementById("masquerade-banner").asNormalizedText())
                    .startsWith("You are acting as Hanna Holder <holder@club.example> — signed in as admin")
                    .endsWith("Stop acting");
        }
    }

    @Test
    void anAdminWithMasqueradeActsAsAHolderFromTheAdminPage() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page = actAs(browser, "holder2@club.example");
            assertThat(page.getUrl().getPath()).isEqualTo("/holder");
            assertThat(page.getElementById("masquerade-banner").asNormalizedText())
                    .startsWith("You are acting as Hugo Holder <holder2@club.example> — signed in as admin");
            assertThat(page.asNormalizedText()).contains(QuotaServiceStandIn.MATCH);
        }
    }

    /** The admin signs in at Keycloak and asks to act as the holder with this email from the dashboard. */
    static HtmlPage actAs(WebClient browser, String holderEmail) throws Exception {
        HtmlPage login = browser.getPage(url("/admin"));
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type("admin");
        form.getInputByName("password").type("admin");
        HtmlPage dashboard = form.getButtonByName("login").click();
        HtmlForm act = (HtmlForm) dashboard.getElementById("masquerade");
        act.getInputByName("holderEmail").type(holderEmail);
        return act.getButtonByName("act").click();
    }

    @Test
    void aManagerIsNotOfferedMasqueradeAndCannotStartIt() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage login = browser.getPage(url("/admin"));
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("username").type("manager");
            form.getInputByName("password").type("manager");
            HtmlPage dashboard = form.getButtonByName("login").click();
            assertThat(dashboard.getElementById("masquerade")).isNull();
            org.htmlunit.WebRequest post = new org.htmlunit.WebRequest(url("/admin/masquerade"),
                    org.htmlunit.HttpMethod.POST);
            post.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("holderEmail",
                    "holder2@club.example")));
            assertThat(browser.getPage(post).getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void withoutALinkTheHolderPageAsksKeycloakToSignIn() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage page = browser.getPage(holderPage);
            assertThat(page.getUrl().toString()).startsWith(TestStack.keycloakUrl() + "/realms/quota/");
            assertThat(page.getForms()).isNotEmpty();
        }
    }
}
