package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * Every holder page and form for each kind of visitor: nobody but the holder sees the holder's quota (anonymous is
 * sent to sign in, another holder, the holder's own guest and an admin without the holder role are refused with
 * nothing of the quota shown), and a form posted without its CSRF token, or with a forged one, is refused and
 * changes nothing. Sessions are real: opened through the mails' deeplinks and Keycloak's login page.
 */
@ExtendWith(RunningSuite.class)
class HolderPagesAuthorizationIT {

    private static final String PORTAL = RunningSuite.PORTAL_URL;
    private static String holderEmail;
    private static String quota;
    private static String subquota;
    private static String claim;
    private static WebClient holder;
    private static WebClient otherHolder;
    private static WebClient recipient;
    private static WebClient admin;
    private static WebClient anonymous;

    @BeforeAll
    static void visitors() throws Exception {
        holderEmail = PortalData.email("owner");
        quota = PortalData.quota(holderEmail, "Olga Owner", "N3", 6, 0, true);
        String token = Tokens.holder(holderEmail);
        String recipientEmail = PortalData.email("friend");
        subquota = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", recipientEmail, "recipientName", "Fay Friend", "tickets", 1))
                .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/subquotas", quota).then().statusCode(201)
                .extract().path("quota.id");
        claim = freshClaim();
        String otherEmail = PortalData.email("stranger");
        PortalData.quota(otherEmail, "Sid Stranger", "N3", 1, 0, false);

        holder = signedIn(PortalData.deeplink(holderEmail));
        otherHolder = signedIn(PortalData.deeplink(otherEmail));
        recipient = signedIn(PortalData.deeplink(recipientEmail));
        admin = LoopbackBrowser.open();
        admin.getOptions().setThrowExceptionOnFailingStatusCode(false);
        HtmlPage login = admin.getPage(PORTAL + "/admin");
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type("admin");
        form.getInputByName("password").type("admin");
        form.getButtonByName("login").click();
        anonymous = LoopbackBrowser.open();
        anonymous.getOptions().setThrowExceptionOnFailingStatusCode(false);
        // only where the visitor lands is checked; parsing Keycloak's login stylesheets was most of the test's time
        anonymous.getOptions().setCssEnabled(false);
    }

    @AfterAll
    static void close() {
        for (WebClient browser : List.of(holder, otherHolder, recipient, admin, anonymous)) {
            browser.close();
        }
    }

    private static WebClient signedIn(String deeplink) throws Exception {
        WebClient browser = LoopbackBrowser.open();
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        Page page = browser.getPage(deeplink);
        assertThat(page.getUrl().getPath()).isEqualTo("/holder");
        return browser;
    }

    private static List<String> holderPages() {
        String base = PORTAL + "/holder/quotas/" + quota;
        return List.of(base + "/section", base + "/claim", base + "/claim/tickets", base + "/send",
                base + "/subquotas/" + subquota + "/retract", base + "/claims/" + claim,
                base + "/claims/" + claim + "/attendees", base + "/claims/" + claim + "/status",
                base + "/claims/" + claim + "/live-note",
                base + "/tickets/" + PortalData.admin(quota).getString("tickets[0].id") + "/attendee");
    }

    @Test
    void theHolderSeesEveryPageOfTheirQuota() throws Exception {
        for (String url : holderPages()) {
            Page page = holder.getPage(url);
            assertThat(page.getWebResponse().getStatusCode()).as(url).isIn(200, 204);
        }
        assertThat(holder.getPage(PORTAL + "/holder").getWebResponse().getContentAsString()).contains(quota);
    }

    @Test
    void anotherHolderTheHoldersGuestAndAnAdminSeeNothingOfTheQuota() throws Exception {
        for (String url : holderPages()) {
            for (WebClient visitor : List.of(otherHolder, recipient)) {
                Page page = visitor.getPage(url);
                assertThat(page.getWebResponse().getStatusCode()).as(url).isEqualTo(404);
                assertThat(page.getWebResponse().getContentAsString()).as(url).doesNotContain("Olga Owner")
                        .contains("Not found");
            }
            Page page = admin.getPage(url);
            assertThat(page.getWebResponse().getStatusCode()).as("admin without the holder role: " + url)
                    .isEqualTo(403);
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain("Olga Owner");
        }
        for (WebClient visitor : List.of(otherHolder, recipient)) {
            assertThat(visitor.getPage(PORTAL + "/holder").getWebResponse().getContentAsString())
                    .doesNotContain(quota);
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        for (String url : holderPages()) {
            Page page = anonymous.getPage(url);
            assertThat(page.getUrl().toString()).as(url).startsWith(TestStack.keycloakUrl());
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain(quota);
        }
    }

    /** A claim of one ticket, just made: it is held for 30 s in the system tests, enough for one test. */
    private static String freshClaim() {
        String ticket = PortalData.admin(quota).getString("tickets.find { it.status == 'ALLOCATED' }.id");
        return given().auth().oauth2(Tokens.holder(holderEmail)).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(ticket)))
                .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/claims", quota).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void formsWithoutOrWithAForgedCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        claim = freshClaim();
        Map<String, Object> before = state();
        String base = PORTAL + "/holder/quotas/" + quota;
        List<String> forms = List.of(base + "/claim", base + "/claims/" + claim + "/attendees",
                base + "/claims/" + claim + "/payment", base + "/claims/" + claim + "/abandon",
                base + "/claims/" + claim + "/restart", base + "/send/preview", base + "/send",
                base + "/subquotas/" + subquota + "/retract", PORTAL + "/holder/stop-acting",
                base + "/tickets/" + PortalData.admin(quota).getString("tickets[0].id") + "/attendee");
        String ticket = PortalData.admin(quota).getString("tickets.find { it.status == 'ALLOCATED' }.id");
        for (String url : forms) {
            for (String csrf : new String[] {null, "Forged0Token0That0The0Portal0Never0Issued00"}) {
                List<NameValuePair> fields = new ArrayList<>(List.of(new NameValuePair("ticket", ticket),
                        new NameValuePair("all", "true"), new NameValuePair("recipientName", "Mal Icious"),
                        new NameValuePair("recipientEmail", "mal@evil.example"), new NameValuePair("tickets", "1"),
                        new NameValuePair("name", "Mal Icious"), new NameValuePair("email", "mal@evil.example")));
                if (csrf != null) {
                    fields.add(new NameValuePair("csrf-token", csrf));
                }
                WebRequest post = new WebRequest(new URL(url), HttpMethod.POST);
                post.setRequestParameters(fields);
                Page page = holder.getPage(post);
                assertThat(page.getWebResponse().getStatusCode()).as(url + " with csrf " + csrf).isEqualTo(400);
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherHoldersValidFormCannotTouchTheQuota() throws Exception {
        claim = freshClaim();
        Map<String, Object> before = state();
        HtmlPage own = otherHolder.getPage(PORTAL + "/holder");
        String token = own.getElementsByName("csrf-token").isEmpty() ? null
                : own.getElementsByName("csrf-token").get(0).getAttribute("value");
        // the dashboard has no form; the claim page of their own quota has one
        if (token == null) {
            String ownQuota = own.querySelector("[data-quota]").getAttributes().getNamedItem("data-quota")
                    .getNodeValue();
            HtmlPage select = otherHolder.getPage(PORTAL + "/holder/quotas/" + ownQuota + "/claim");
            token = select.getElementsByName("csrf-token").get(0).getAttribute("value");
        }
        String ticket = PortalData.admin(quota).getString("tickets.find { it.status == 'ALLOCATED' }.id");
        WebRequest post = new WebRequest(new URL(PORTAL + "/holder/quotas/" + quota + "/claim"), HttpMethod.POST);
        post.setRequestParameters(List.of(new NameValuePair("ticket", ticket), new NameValuePair("csrf-token", token)));
        Page page = otherHolder.getPage(post);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(state()).isEqualTo(before);
    }

    /** What a change would show: the quota's counts, its subquotas and where the claim stands. */
    private static Map<String, Object> state() {
        var detail = PortalData.admin(quota);
        String step = given().auth().oauth2(Tokens.holder(holderEmail))
                .get(Service.QUOTA.url() + "/api/holder/quotas/{q}/claims/{c}", quota, claim).then().statusCode(200)
                .extract().path("step");
        return Map.of("counts", detail.getMap("quota.ticketCounts"), "subquotas", detail.getList("subquotas.id"),
                "claim", step);
    }
}
