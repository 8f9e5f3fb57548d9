package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.stadium.quota.system.Chromium.Viewport;
import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * Live updates (issue 15): what a holder does in one window shows in their other windows and on the admin's quota
 * page, within seconds and without a reload (on another portal instance: TwoOfEachIT); what the holder is typing in
 * the claim's second step stays; the same holder's app on a phone and dashboard on a laptop follow each other.
 */
@ExtendWith(RunningSuite.class)
class LivePortalIT {

    /** How long a change may take to reach another open page, once it is made. */
    static final double WITHIN_MS = 3000;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** Marks the page; a reload would lose the mark. */
    static void mark(Page page) {
        page.evaluate("window.__sameDocument = true");
    }

    static boolean notReloaded(Page page) {
        return Boolean.TRUE.equals(page.evaluate("window.__sameDocument === true"));
    }

    static LocatorAssertions.HasTextOptions soon() {
        return new LocatorAssertions.HasTextOptions().setTimeout(WITHIN_MS);
    }

    /** Marks the window once htmx's sse extension reports the page's live stream open. */
    static final String LIVE_OPEN =
            "document.addEventListener('htmx:sseOpen', () => { window.__liveOpen = true; });";

    /** Waits until the page's live stream is open (htmx's sse extension reports it). */
    static void live(Page page) {
        page.waitForFunction("() => window.__liveOpen === true", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
    }

    static Page open(BrowserContext person, String url) {
        Page page = person.newPage();
        page.addInitScript(LIVE_OPEN);
        page.navigate(url);
        return page;
    }

    /** Passes one ticket on from the web portal's send page in another window; returns when it was sent (nanoTime). */
    private static long passOneOn(BrowserContext holder, String quota, String name, String email) {
        Page send = open(holder, RunningSuite.PORTAL_URL + "/holder/quotas/" + quota + "/send");
        send.getByLabel("How many").fill("1");
        send.getByLabel("Their name").fill(name);
        send.getByLabel("Their email").fill(email);
        send.locator("#review").click();
        long sent = System.nanoTime();
        send.locator("#send").click();
        assertThat(send.locator("#done")).isVisible();
        return sent;
    }

    @Test
    void aClaimAndATicketPassedOnShowInTheOtherOpenPagesWithoutAReload() {
        String email = PortalData.email("live");
        String quota = PortalData.quota(email, "Liv Live", "W2", 3, 0, true);
        String deeplink = PortalData.deeplink(email);
        try (BrowserContext holder = chromium.person(Viewport.LAPTOP);
                BrowserContext admin = chromium.person(Viewport.TABLET)) {
            Page dashboard = open(holder, deeplink);
            assertThat(dashboard).hasURL(RunningSuite.PORTAL_URL + "/holder");
            admin.addInitScript(LIVE_OPEN);
            Page adminPage = Chromium.signedIn(admin, "admin", "admin", "/admin/quotas/" + quota);
            for (Page page : List.of(dashboard, adminPage)) {
                live(page);
                mark(page);
            }

            // 1. the holder claims two tickets in another window: the dashboard and the admin page count them
            Page claim = open(holder, RunningSuite.PORTAL_URL + "/holder/quotas/" + quota + "/claim");
            claim.locator("input[name='ticket']").nth(0).check();
            claim.locator("input[name='ticket']").nth(1).check();
            claim.locator("#continue").click();
            // the clock starts once the change is made (quota-service answered), so it measures event → page
            assertThat(claim).hasURL(Pattern.compile(".*/attendees$"));
            long start = System.nanoTime();
            assertThat(dashboard.locator("[data-quota='" + quota + "'] [data-count='RESERVED']")).hasText("2", soon());
            assertThat(adminPage.locator("#counts [data-count='RESERVED']")).hasText("2", soon());
            long claimShownMs = (System.nanoTime() - start) / 1_000_000;

            // 2. while the holder types the attendees, they pass the third ticket on from the dashboard
            live(claim);
            mark(claim);
            claim.locator("#name-1").fill("Typed Before The Change");
            passOneOn(holder, quota, "Finn Friend", PortalData.email("friend"));
            start = System.nanoTime();
            assertThat(adminPage.locator("#subquotas [data-subquota]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(WITHIN_MS));
            assertThat(dashboard.locator("[data-quota='" + quota + "'] .subquotas li")).containsText("Finn Friend",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WITHIN_MS));
            assertThat(claim.locator("#quota-changed")).containsText("still held for you",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WITHIN_MS));
            long sendShownMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(claim.locator("#name-1")).hasValue("Typed Before The Change");
            assertThat(notReloaded(claim)).isTrue();
            Chromium.screenshot(dashboard, "live-holder-dashboard", Viewport.LAPTOP);
            Chromium.screenshot(adminPage, "live-admin-quota", Viewport.TABLET);
            Chromium.screenshot(claim, "live-claim-2-ticket-info", Viewport.LAPTOP);

            // 3. the holder gives the claim up: the other pages show the tickets free again (a page on another
            // portal instance: TwoOfEachIT)
            claim.locator("#give-up").click();
            assertThat(claim.locator("#done")).isVisible();
            assertThat(dashboard.locator("[data-quota='" + quota + "'] [data-count='RESERVED']")).hasText("0",
                    soon());
            assertThat(adminPage.locator("#counts [data-count='RESERVED']")).hasText("0", soon());

            for (Page page : List.of(dashboard, adminPage)) {
                assertThat(notReloaded(page)).as("no reload of " + page.url()).isTrue();
            }
            System.out.printf("live updates: claim shown elsewhere after %d ms, ticket passed on after %d ms%n",
                    claimShownMs, sendShownMs);
        }
    }

    @Test
    void aClaimInThePhonesAppShowsOnTheLaptopsDashboardAndATicketPassedOnThereShowsInTheApp() {
        String email = PortalData.email("sync");
        String quota = PortalData.quota(email, "Sina Sync", "W2", 3, 0, true);
        String deeplink = PortalData.deeplink(email);
        try (BrowserContext laptop = chromium.person(Viewport.LAPTOP);
                BrowserContext phone = chromium.person(Viewport.PHONE)) {
            Page dashboard = open(laptop, deeplink);
            assertThat(dashboard).hasURL(RunningSuite.PORTAL_URL + "/holder");
            Locator card = dashboard.locator("[data-quota='" + quota + "']");
            assertThat(card.locator("[data-count='RESERVED']")).hasText("0");
            live(dashboard);
            mark(dashboard);
            // the app reads its stream with fetch: it is open once portal-web answered with the stream's headers
            boolean[] appLive = {false};
            phone.onResponse(response -> appLive[0] |= response.url().endsWith("/app/live") && response.ok());
            Page app = MobileAppIT.openApp(phone, email);
            assertThat(app).hasURL(RunningSuite.PORTAL_URL + "/app/quotas/" + quota);
            MobileAppIT.waitForTheServiceWorker(app);
            app.waitForCondition(() -> appLive[0], new Page.WaitForConditionOptions().setTimeout(10_000));
            mark(app);

            // 1. a claim in the app: the dashboard on the laptop counts it
            app.locator("#claim-link").click();
            app.locator("input[name='ticket']").first().check();
            app.locator("#continue").click();
            assertThat(app.locator("#hold")).containsText("held for you until");
            long start = System.nanoTime();
            assertThat(card.locator("[data-count='RESERVED']")).hasText("1", soon());
            long claimShownMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(card.locator("[data-count='ALLOCATED']")).hasText("2");

            // 2. a ticket passed on from the laptop: the app's quota page shows it
            app.locator("#brand").click();
            app.locator("[data-quota='" + quota + "']").click();
            assertThat(app.locator("[data-count='ALLOCATED']")).hasText("2");
            assertThat(app.locator("[data-subquota]")).hasCount(0);
            // from the click: the app may show it before the send page has landed on its done message
            start = passOneOn(laptop, quota, "Sam Synced", PortalData.email("synced"));
            assertThat(app.locator("[data-subquota]")).containsText("Sam Synced",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WITHIN_MS));
            long sendShownMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(app.locator("[data-count='ALLOCATED']")).hasText("1");
            assertThat(card.locator(".subquotas li")).containsText("Sam Synced",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WITHIN_MS));

            assertThat(notReloaded(dashboard)).as("no reload of the dashboard").isTrue();
            assertThat(notReloaded(app)).as("no reload of the app").isTrue();
            Chromium.screenshot(dashboard, "sync-holder-dashboard", Viewport.LAPTOP);
            Chromium.screenshot(app, "sync-app-quota", Viewport.PHONE);
            System.out.printf("app and dashboard: app's claim on the dashboard after %d ms, "
                    + "dashboard's ticket passed on in the app after %d ms%n", claimShownMs, sendShownMs);
        }
    }

    @Test
    void takingBackATicketTheRecipientClaimedMeanwhileSaysSoAndShowsTheTicketsAsTheyAreNow() {
        String email = PortalData.email("retracter");
        String friend = PortalData.email("quickclaimer");
        String quota = PortalData.quota(email, "Rex Retract", "E2", 2, 0, true);
        String deeplink = PortalData.deeplink(email);
        String subquota = given().auth().oauth2(Tokens.holder(email)).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", friend, "recipientName", "Cleo Claimer", "tickets", 1))
                .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/subquotas", quota).then().statusCode(201)
                .extract().path("quota.id");
        try (BrowserContext holder = chromium.person(Viewport.LAPTOP)) {
            Page page = holder.newPage();
            page.navigate(deeplink);
            page.locator("[data-quota='" + quota + "'] .subquotas li")
                    .locator("a", new Locator.LocatorOptions().setHasText("Take back")).click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/holder/quotas/" + quota + "/subquotas/" + subquota
                    + "/retract");
            assertThat(page.locator("[data-come-back]")).hasText("1 unclaimed ticket comes back to you.");

            // meanwhile the recipient claims that ticket (in the app or on the web: the same holder API)
            String friendsToken = Tokens.holder(friend);
            String ticket = given().auth().oauth2(friendsToken)
                    .get(Service.QUOTA.url() + "/api/holder/quotas/{id}", subquota).then().statusCode(200)
                    .extract().path("tickets[0].id");
            given().auth().oauth2(friendsToken).contentType(ContentType.JSON)
                    .body(Map.of("ticketIds", List.of(ticket)))
                    .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/claims", subquota).then().statusCode(201);

            page.locator("#retract").click();
            assertThat(page.locator("#conflict")).hasText("Someone changed these tickets a moment ago, in another "
                    + "window or in the app. Here is how they stand now.");
            assertThat(page.locator("[data-come-back]")).hasAttribute("data-come-back", "0");
            assertThat(page.locator("[data-stay]")).hasAttribute("data-stay", "1");
            assertThat(page.locator("[data-stay]")).containsText("Cleo Claimer");
            assertThat(page.locator("#retract")).hasCount(0);
            // nothing is taken back now, so nobody is told of it
            assertThat(page.locator("#retract-told")).hasCount(0);
            Chromium.screenshot(page, "retract-conflict", Viewport.LAPTOP);
        }
        assertThat(PortalData.counts(subquota)).containsEntry("RESERVED", 1);
    }
}
