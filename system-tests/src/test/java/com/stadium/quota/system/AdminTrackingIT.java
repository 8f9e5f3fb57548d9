package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.stadium.quota.system.Chromium.Viewport;
import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * Sponsor tracking in a real browser on a laptop and a tablet: a holder whose mail server refuses the invitation shows
 * it failed (bounced), a holder who opened the link from the mail shows it opened, a guest's line follows the holder
 * who passed the tickets on, and the "never opened" list and its CSV download name the unopened and not the opened.
 */
@ExtendWith(RunningSuite.class)
class AdminTrackingIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** The people of one match, set up once for both screens: the adapter gives up on a refused mail after retries. */
    private record Scenario(long match, String opener, String openerEmail, String bounced, String bouncedEmail,
            String quiet, String quietEmail, String guest, String guestEmail) {
    }

    private static Scenario scenario;

    /** Three holders and a guest at the third match; the opener opens the link from the mail in a browser. */
    private static synchronized Scenario scenario() {
        if (scenario != null) {
            return scenario;
        }
        long match = PortalData.match(2);
        String openerEmail = PortalData.email("opener");
        String opener = PortalData.quotaAt(match, openerEmail, "Ola Opener", "E2", 3, 0, true);
        String bouncedEmail = "bounced-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + RefusingSmtp.REFUSED_DOMAIN;
        String bounced = PortalData.quotaAt(match, bouncedEmail, "Bo Bounced", "E2", 2, 0, false);
        String quietEmail = PortalData.email("quiet");
        String quiet = PortalData.quotaAt(match, quietEmail, "Quinn Quiet", "E2", 2, 0, false);
        String guestEmail = PortalData.email("guest");
        String guest = given().auth().oauth2(Tokens.holder(openerEmail)).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", guestEmail, "recipientName", "Gil Guest", "tickets", 1))
                .post(Service.QUOTA.url() + "/api/holder/quotas/{id}/subquotas", opener).then().statusCode(201)
                .extract().path("quota.id");
        try (BrowserContext holder = chromium.person(Viewport.LAPTOP)) {
            Page fromTheMail = holder.newPage();
            fromTheMail.navigate(PortalData.deeplink(openerEmail));
            assertThat(fromTheMail).hasURL(RunningSuite.PORTAL_URL + "/holder");
        }
        scenario = new Scenario(match, opener, openerEmail, bounced, bouncedEmail, quiet, quietEmail, guest,
                guestEmail);
        return scenario;
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void trackingShowsABouncedInvitationAnOpenedLinkAndExportsWhoNeverOpened(Viewport viewport) throws IOException {
        Scenario people = scenario();
        long match = people.match();
        String opener = people.opener();
        String bounced = people.bounced();
        String quiet = people.quiet();
        String guest = people.guest();
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = AdminPortalIT.signedInAdmin(person);
            page.navigate(RunningSuite.PORTAL_URL + "/admin/matches/" + match);
            page.locator("#tracking-link").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/matches/" + match + "/tracking");
            Locator bouncedLine = page.locator("[data-tracking='" + bounced + "']");
            // the adapter retries a refused mail a few times before it gives up; the admin reloads meanwhile
            await("the refused invitation given up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        page.reload();
                        return "FAILED".equals(bouncedLine.getAttribute("data-delivery"));
                    });
            assertThat(bouncedLine.locator("[data-delivery-cell]")).containsText("Failed (bounced)");
            assertThat(bouncedLine.locator("[data-last-error]")).containsText("550");
            assertThat(bouncedLine.locator("[data-link-cell]")).containsText("Not opened yet");

            Locator openerLine = page.locator("[data-tracking='" + opener + "']");
            assertThat(openerLine).hasAttribute("data-delivery", "SENT");
            assertThat(openerLine).hasAttribute("data-link", "OPENED");
            assertThat(openerLine.locator("[data-link-cell]")).containsText("Opened");
            assertThat(openerLine.locator("[data-tickets='allocated']")).hasText("2");
            assertThat(openerLine.locator("[data-tickets='passedOn']")).hasText("1");
            Locator guestLine = page.locator("[data-tracking='" + opener + "'] + tr");
            assertThat(guestLine).hasAttribute("data-tracking", guest);
            assertThat(guestLine).containsText("passed on by Ola Opener");
            assertThat(page.locator("[data-tracking='" + quiet + "']")).hasAttribute("data-link", "NOT_OPENED");
            AdminPortalIT.assertNothingSticksOut(page);
            Chromium.screenshot(page, "admin-tracking", viewport);

            page.locator("#show-never-opened").click();
            assertThat(page)
                    .hasURL(RunningSuite.PORTAL_URL + "/admin/matches/" + match + "/tracking?show=never-opened");
            assertThat(page.locator("[data-tracking='" + quiet + "']")).hasCount(1);
            assertThat(page.locator("[data-tracking='" + bounced + "']")).hasCount(1);
            assertThat(page.locator("[data-tracking='" + guest + "']")).hasCount(1);
            assertThat(page.locator("[data-tracking='" + opener + "']")).hasCount(0);
            AdminPortalIT.assertNothingSticksOut(page);
            Chromium.screenshot(page, "admin-tracking-never-opened", viewport);

            Download download = page.waitForDownload(() -> page.locator("#never-opened-csv").click());
            assertThat(download.suggestedFilename()).isEqualTo("never-opened-match-" + match + ".csv");
            String csv = Files.readString(download.path());
            assertThat(csv.lines().findFirst()).hasValue(
                    "quota_id,holder_name,holder_email,received_from,state,seats,invited_at,last_sent_at,links_resent");
            assertThat(csv).contains(quiet + ",Quinn Quiet," + people.quietEmail() + ",,ALLOCATED,2,")
                    .contains(guest + ",Gil Guest," + people.guestEmail() + "," + people.openerEmail() + ",")
                    .contains(people.bouncedEmail()).doesNotContain(opener);
        }
    }
}
