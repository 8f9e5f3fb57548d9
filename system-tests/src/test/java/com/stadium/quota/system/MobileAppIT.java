package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stadium.quota.system.Chromium.Viewport;
import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * The mobile app (portal-web's /app) on a phone in Debian's Chromium, against the four packaged services: signed in
 * from the invitation mail's link with quota-app and PKCE, claiming and paying through the sandbox, the tickets with
 * their QR codes at the gate with the network switched off, sending tickets and taking them back, a change made on
 * the other channel meanwhile (409), and who sees what.
 */
@ExtendWith(RunningSuite.class)
class MobileAppIT {

    private static final String PORTAL = RunningSuite.PORTAL_URL;
    private static final Viewport PHONE = Viewport.PHONE;
    private static Chromium chromium;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        chromium.close();
    }

    /** The app opened with the link of the newest mail to this address, as "Open in the app" does. */
    static Page openApp(BrowserContext phone, String email) {
        String link = PortalData.deeplink(email);
        Page page = phone.newPage();
        page.navigate(PORTAL + "/app/open#" + link.substring(link.lastIndexOf('/') + 1));
        return page;
    }

    static void waitForTheServiceWorker(Page page) {
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
    }

    @Test
    void theAppIsInstallableItsManifestNamesItsIconsAndItsPagesArePublic() {
        given().get(PORTAL + "/app/manifest.webmanifest").then().statusCode(200)
                .contentType("application/manifest+json")
                .body("display", equalTo("standalone")).body("start_url", equalTo("/app/"))
                .body("scope", equalTo("/app/")).body("name", equalTo("FC Example Tickets"))
                .body("theme_color", equalTo("#0b3d91"))
                .body("icons.sizes", hasItems("192x192", "512x512"));
        for (String icon : List.of("icon-192.png", "icon-512.png", "icon-maskable-512.png")) {
            given().get(PORTAL + "/app/icons/" + icon).then().statusCode(200).contentType("image/png");
        }
        given().get(PORTAL + "/app/sw.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get(PORTAL + "/app/quotas/00000000-0000-0000-0000-000000000000").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get(PORTAL + "/app/config.json").then().statusCode(200).body("clientId", equalTo("quota-app"))
                .body("redirectUri", equalTo(PORTAL + "/app/signed-in"));
        given().get(PORTAL + "/app/qr/not-a-ticket.svg").then().statusCode(400);

        try (BrowserContext phone = chromium.person(PHONE)) {
            Page page = phone.newPage();
            page.navigate(PORTAL + "/app/");
            waitForTheServiceWorker(page);
            assertThat(page.locator("#open-link")).isVisible();
            assertThat(page.locator("h1")).hasText("Your tickets of FC Example");
            Chromium.screenshot(page, "app-sign-in", PHONE);
        }
    }

    @Test
    void onlyThePortalsOriginMayCallTheApisFromABrowser() {
        for (String api : List.of(Service.QUOTA.url() + "/api/holder/quotas",
                Service.NOTIFICATION.url() + "/api/devices")) {
            given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").options(api).then()
                    .statusCode(200).header("Access-Control-Allow-Origin", PORTAL);
            given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").options(api).then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void aHolderOpensTheLinkInTheAppClaimsAndPaysAndTheTicketOpensAtTheGateWithoutANetwork() {
        String email = PortalData.email("appfan");
        String quota = PortalData.quota(email, "Ann App", "W3", 3, 0, false);
        try (BrowserContext phone = chromium.person(PHONE)) {
            Page page = openApp(phone, email);
            assertThat(page).hasURL(PORTAL + "/app/quotas/" + quota);
            assertThat(page.locator("[data-status='ALLOCATED']")).hasCount(3);
            assertThat(page.locator("main")).not().containsText("null");
            waitForTheServiceWorker(page);
            Chromium.screenshot(page, "app-quota", PHONE);

            page.locator("#brand").click();
            assertThat(page.locator("[data-quota='" + quota + "']")).containsText("3 tickets");
            assertThat(page.locator("h2").first()).hasText(PortalData.admin(quota).getString("quota.matchName"));
            Chromium.screenshot(page, "app-quotas", PHONE);
            page.locator("[data-quota='" + quota + "']").click();

            page.locator("#claim-link").click();
            String ticket = page.locator("input[name='ticket']").first().getAttribute("value");
            page.locator("input[name='ticket']").first().check();
            Chromium.screenshot(page, "app-claim-select", PHONE);
            page.locator("#continue").click();
            assertThat(page.locator("#hold")).containsText("held for you until");
            page.locator("fieldset.attendee").first().getByText("This ticket is for me").click();
            assertThat(page.locator("#name-0")).hasValue("Ann App");
            page.locator("#save-attendees").click();
            int cents = PortalData.admin(quota).getInt("tickets[0].priceCents");
            String amount = "%d.%02d".formatted(cents / 100, cents % 100);
            assertThat(page.locator("#amount")).hasText("€" + amount);
            Chromium.screenshot(page, "app-claim-payment", PHONE);
            page.locator("#pay").click();

            assertThat(page.locator("h1")).hasText("Sandbox payment");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay " + amount + " EUR")).click();
            assertThat(page.locator("#confirmed")).hasText("Your tickets are confirmed");
            assertThat(page.locator(".ticket[data-ticket='" + ticket + "'] img.qr")).hasCount(1);
            assertThat(page.locator(".ticket")).containsText("For Ann App");
            assertQrShown(page);
            Chromium.screenshot(page, "app-claim-confirmed", PHONE);
            assertThat(PortalData.counts(quota)).containsEntry("SOLD", 1).containsEntry("ALLOCATED", 2);

            page.navigate(PORTAL + "/app/tickets");
            assertThat(page.locator("#saved-at")).containsText("Up to date");

            // at the gate: no network for the page nor for the service worker
            phone.setOffline(true);
            phone.route("**/*", route -> route.abort("internetdisconnected"));
            page.reload();
            assertThat(page.locator("#saved-at")).containsText("Saved at");
            assertThat(page.locator("#saved-at")).containsText("you are offline");
            assertThat(page.locator("#connection")).hasText("You are offline. Your saved tickets still open.");
            assertThat(page.locator(".ticket[data-ticket='" + ticket + "'] img.qr")).hasCount(1);
            assertQrShown(page);
            assertThat(page.evaluate("() => fetch('/app/config.json?probe=' + Date.now())"
                    + ".then(() => 'network', () => 'offline')")).as("the service worker has no network").isEqualTo(
                    "offline");
            Chromium.screenshot(page, "app-tickets-offline", PHONE);

            // a push's link to the quota opens offline too, with the saved tickets
            page.navigate(PORTAL + "/app/quotas/" + quota);
            assertThat(page.locator(".ticket[data-ticket='" + ticket + "'] img.qr")).hasCount(1);
        }
    }

    private static void assertQrShown(Page page) {
        Locator qr = page.locator(".ticket img.qr").first();
        assertThat(qr).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", qr.elementHandle());
    }

    @Test
    void aHolderSendsTicketsFromTheAppAndTakesTheUnclaimedOnesBack() {
        String email = PortalData.email("appsender");
        String guest = PortalData.email("appguest");
        String quota = PortalData.quota(email, "Sue Sender", "E3", 3, 100, true);
        try (BrowserContext phone = chromium.person(PHONE)) {
            Page page = openApp(phone, email);
            assertThat(page.locator("#send-link")).isVisible();
            // an access token that has run out is renewed with the refresh token, without asking the holder
            String before = accessToken(page);
            page.evaluate("() => { const t = JSON.parse(localStorage.getItem('quota-app.tokens')); t.expiresAt = 0;"
                    + " localStorage.setItem('quota-app.tokens', JSON.stringify(t)); }");
            page.reload();
            assertThat(page.locator("#send-link")).isVisible();
            assertThat(accessToken(page)).isNotEqualTo(before);
            page.locator("#send-link").click();
            page.getByLabel("How many").fill("2");
            page.getByLabel("Their name").fill("Gus Guest");
            page.getByLabel("Their email").fill(email.toUpperCase());
            page.locator("#send").click();
            assertThat(page.locator("#recipientEmail-error")).containsText("these tickets are yours already");
            assertThat(page.getByLabel("Their name")).hasValue("Gus Guest");
            page.getByLabel("Their email").fill(guest);
            page.getByLabel("A personal message (optional)").fill("See you at the match!");
            Chromium.screenshot(page, "app-send", PHONE);
            page.locator("#send").click();

            assertThat(page.locator("#done")).containsText("Your tickets were sent to Gus Guest");
            Locator line = page.locator("[data-subquota]");
            assertThat(line).containsText("Gus Guest <" + guest + ">: 0 claimed, 2 not claimed yet");
            assertThat(page.locator("[data-count='ALLOCATED']")).hasText("1");
            line.getByText("Take back").click();
            assertThat(page.locator("[data-come-back]")).containsText("Take back 2 unclaimed tickets from Gus Guest?");
            Chromium.screenshot(page, "app-retract", PHONE);
            page.locator("#retract").click();
            assertThat(page.locator("#done")).hasText("2 tickets are back with you from Gus Guest.");
            assertThat(page.locator("[data-count='ALLOCATED']")).hasText("3");
        }
        assertThat(PortalData.counts(quota)).containsEntry("ALLOCATED", 3);
    }

    private static String accessToken(Page page) {
        return (String) page.evaluate("() => JSON.parse(localStorage.getItem('quota-app.tokens')).access");
    }

    @Test
    void aTicketTakenOnTheOtherChannelMeanwhileIsExplainedAndTheFreshStateShown() {
        String email = PortalData.email("apptwo");
        String quota = PortalData.quota(email, "Tom Two", "S3", 2, 100, false);
        try (BrowserContext phone = chromium.person(PHONE)) {
            Page page = openApp(phone, email);
            page.locator("#claim-link").click();
            Locator first = page.locator("input[name='ticket']").first();
            String ticket = first.getAttribute("value");
            first.check();

            // meanwhile the same holder claims that ticket on the web portal (the same holder API)
            given().auth().oauth2(Tokens.holder(email)).contentType(ContentType.JSON)
                    .body(Map.of("ticketIds", List.of(ticket)))
                    .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/claims", quota).then().statusCode(201);

            page.locator("#continue").click();
            assertThat(page.locator("#conflict")).containsText("These tickets were changed a moment ago");
            assertThat(page.locator("input[name='ticket']")).hasCount(1);
            assertThat(page.locator("input[value='" + ticket + "']")).hasCount(0);
            Chromium.screenshot(page, "app-conflict", PHONE);
        }
    }

    @Test
    void theAppsDataIsTheSignedInHoldersOnly() {
        String owner = PortalData.email("appowner");
        String quota = PortalData.quota(owner, "Olga Owner", "N3", 3, 100, true);
        String friend = PortalData.email("appfriend");
        String stranger = PortalData.email("appstranger");
        PortalData.quota(stranger, "Sid Stranger", "N3", 1, 100, false);
        PortalData.deeplink(owner); // the holder's account exists once invited
        String subquota = given().auth().oauth2(Tokens.holder(owner)).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", friend, "recipientName", "Fay Friend", "tickets", 1))
                .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/subquotas", quota).then().statusCode(201)
                .extract().path("quota.id");

        try (BrowserContext anonymous = chromium.person(PHONE)) {
            Page page = anonymous.newPage();
            page.navigate(PORTAL + "/app/quotas/" + quota);
            assertThat(page.locator("#open-link")).isVisible();
            assertThat(page.locator("[data-ticket]")).hasCount(0);
        }
        try (BrowserContext other = chromium.person(PHONE)) {
            Page page = openApp(other, stranger);
            assertThat(page.locator("[data-ticket]")).hasCount(1);
            page.navigate(PORTAL + "/app/quotas/" + quota);
            assertThat(page.locator("#not-found")).hasText("Not found");
            assertThat(page.locator("[data-ticket]")).hasCount(0);
        }
        try (BrowserContext recipient = chromium.person(PHONE)) {
            Page page = openApp(recipient, friend);
            assertThat(page).hasURL(PORTAL + "/app/quotas/" + subquota);
            assertThat(page.locator("[data-received-from]")).hasText("Sent to you by Olga Owner");
            assertThat(page.locator("[data-ticket]")).hasCount(1);
            assertThat(page.locator("#send-link")).hasCount(0);
            page.navigate(PORTAL + "/app/quotas/" + quota);
            assertThat(page.locator("#not-found")).isVisible();
        }
        try (BrowserContext admin = chromium.person(PHONE)) {
            Page page = admin.newPage();
            page.navigate(PORTAL + "/app/sign-in");
            // an admin's own token in the app: quota-service's holder API refuses it (no holder role)
            page.evaluate("token => localStorage.setItem('quota-app.tokens', JSON.stringify({access: token, "
                    + "expiresAt: Date.now() + 240000, email: 'admin@club.example', name: 'admin'}))",
                    Tokens.of(Tokens.ADMIN));
            page.navigate(PORTAL + "/app/quotas/" + quota);
            assertThat(page.locator("#not-a-holder")).isVisible();
            assertThat(page.locator("[data-ticket]")).hasCount(0);
            page.navigate(PORTAL + "/app/");
            assertThat(page.locator("#not-a-holder")).isVisible();
        }
    }
}
