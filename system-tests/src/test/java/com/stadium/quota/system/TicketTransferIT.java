package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.stadium.quota.system.Chromium.Viewport;
import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.Tokens;

import io.restassured.path.json.JsonPath;

/**
 * Re-assigning a sold ticket (issue 21) in a real browser against the four packaged services: the holder of a
 * transferable quota changes an attendee on the web portal, both attendees are told by mail, the old QR code is
 * refused at the gate and the new one admitted; a quota without the permission offers nothing; the app shows the new
 * code after a change made in it; two tabs changing one ticket: one wins, the other sees the fresh card.
 */
@ExtendWith(RunningSuite.class)
class TicketTransferIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** A transferable (or not) quota of the first match, claimed and paid by its holder for the given attendees. */
    private static String soldQuota(String email, String name, String sector, boolean transferable,
            List<List<String>> attendees) {
        String quota = PortalData.quota(Map.of("holderEmail", email, "holderName", name, "matchIds",
                List.of(PortalData.match(0)), "sectors", List.of(sector), "quantity", attendees.size(),
                "discountPercent", 0, "algorithm", "NM", "transferable", transferable));
        PortalData.claimAndPay(Tokens.holder(email), quota, attendees);
        return quota;
    }

    /** The ticket cards as the holder API shows them to the holder. */
    private static JsonPath holderView(String email, String quota) {
        return given().auth().oauth2(Tokens.holder(email)).get(Service.QUOTA.url() + "/api/holder/quotas/{id}", quota)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String codeOf(String email, String quota, String ticket) {
        return holderView(email, quota).getString("tickets.find { it.id == '" + ticket + "' }.code");
    }

    @Test
    void aHolderPassesAPaidTicketOnTheNewAttendeeGetsANewCodeAndTheOldOneIsVoid() {
        Viewport viewport = Viewport.LAPTOP;
        String email = PortalData.email("transfer");
        String gus = PortalData.email("gus");
        String nina = PortalData.email("nina");
        String quota = soldQuota(email, "Tom Transfer", "E4", true,
                List.of(List.of("Tom Transfer", email), List.of("Gus Guest", gus)));
        String fixed = soldQuota(email, "Tom Transfer", "E5", false, List.of(List.of("Fay Fixed", email)));
        String gusTicket = PortalData.admin(quota).getString("tickets.find { it.attendeeEmail == '" + gus + "' }.id");
        String oldCode = codeOf(email, quota, gusTicket);
        assertThat(oldCode).startsWith("v1.");
        long match = PortalData.match(0);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = person.newPage();
            // the dashboard's live redraws would race the clicks; this test is about the re-assignment
            page.route("**/holder/live**", route -> route.abort());
            page.navigate(PortalData.deeplink(email));
            Locator transferable = page.locator("[data-quota='" + quota + "']");
            assertThat(transferable.locator("a[id^='reassign-']")).hasCount(2);
            // without the permission: no action at all
            assertThat(page.locator("[data-quota='" + fixed + "'] [data-status='SOLD']")).hasCount(1);
            assertThat(page.locator("[data-quota='" + fixed + "'] a[id^='reassign-']")).hasCount(0);
            Chromium.screenshot(page, "reassign-dashboard", viewport);

            Locator action = page.locator("#reassign-" + gusTicket);
            assertThat(action).hasAccessibleName(Pattern.compile("Change attendee of sector E4, row \\S+, seat \\S+"));
            action.click();
            assertThat(page.locator("h1")).hasText("Who uses this ticket now?");
            assertThat(page.locator("#current-attendee")).hasText("For Gus Guest");
            // the same person again is refused under the field, and what was typed stays
            page.getByLabel("Name of the new attendee").fill("Gus Again");
            page.getByLabel("Email of the new attendee").fill(gus.toUpperCase());
            page.locator("#reassign").click();
            assertThat(page.locator("#email-error")).isVisible();
            assertThat(page.getByLabel("Name of the new attendee")).hasValue("Gus Again");
            Chromium.screenshot(page, "reassign-form", viewport);
            page.getByLabel("Name of the new attendee").fill("Nina New");
            page.getByLabel("Email of the new attendee").fill(nina);
            page.locator("#reassign").click();

            assertThat(page).hasURL(Pattern.compile("/holder\\?done=reassigned"));
            assertThat(page.locator("#done")).containsText("now belongs to Nina New; we emailed them the ticket and "
                    + "told Gus Guest it was passed on.");
            assertThat(page.locator("[data-ticket='" + gusTicket + "']")).containsText("For Nina New");
            Chromium.screenshot(page, "reassign-done", viewport);
        }

        // the new attendee's mail carries the new code; the old attendee's notice names no one new
        await("Nina's ticket mail").atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.messagesFor(nina).stream().anyMatch(m -> !PortalData.pngParts(
                        (String) m.get("mimeMessage")).isEmpty()));
        String newCode = Mailbox.messagesFor(nina).stream()
                .flatMap(m -> PortalData.pngParts((String) m.get("mimeMessage")).stream())
                .map(image -> PortalData.scan(image.png())).findFirst().orElseThrow();
        assertThat(newCode).startsWith("v1.").isNotEqualTo(oldCode).isEqualTo(codeOf(email, quota, gusTicket));
        assertThat(PortalData.ticketOf(newCode)).isEqualTo(gusTicket);
        await("Gus's notice").atMost(Duration.ofSeconds(30)).until(() -> Mailbox.messagesFor(gus).size() >= 2);
        String notice = PortalData.unfold((String) Mailbox.messagesFor(gus).get(Mailbox.messagesFor(gus).size() - 1)
                .get("mimeMessage"));
        assertThat(notice).doesNotContain("Nina").doesNotContain(nina);
        assertThat(PortalData.pngParts(notice)).isEmpty();

        // at the gate: the old code is void, the new one lets Nina in
        assertThat(PortalData.verify(oldCode, match)).isEqualTo("VOIDED");
        assertThat(PortalData.verify(newCode, match)).isEqualTo("VALID");
    }

    @Test
    void theAppChangesAnAttendeeAndShowsTheNewCode() {
        String email = PortalData.email("appxfer");
        String quota = soldQuota(email, "Alma App", "N4", true, List.of(List.of("Otto Old", PortalData.email("otto"))));
        String ticket = PortalData.admin(quota).getString("tickets[0].id");
        String oldCode = codeOf(email, quota, ticket);
        try (BrowserContext phone = chromium.person(Viewport.PHONE)) {
            Page page = MobileAppIT.openApp(phone, email);
            Locator card = page.locator("[data-ticket='" + ticket + "']");
            // the picture of the signed code (its characters need no escaping in the query)
            assertThat(card.locator("img.qr")).hasAttribute("src", "/app/qr/" + ticket + ".svg?code=" + oldCode);
            assertThat(card.locator("#reassign-" + ticket))
                    .hasAccessibleName(Pattern.compile("^Change attendee of Sector N4"));
            card.locator("#reassign-" + ticket).click();
            page.getByLabel("Their name").fill("Nele New");
            page.getByLabel("Their email").fill(PortalData.email("nele"));
            Chromium.screenshot(page, "app-reassign-form", Viewport.PHONE);
            page.locator("#reassign").click();
            assertThat(page.locator("#done")).containsText("now belongs to Nele New");
            String newCode = codeOf(email, quota, ticket);
            assertThat(newCode).isNotEqualTo(oldCode);
            assertThat(card).containsText("For Nele New");
            assertThat(card.locator("img.qr")).hasAttribute("src", "/app/qr/" + ticket + ".svg?code=" + newCode);
            Chromium.screenshot(page, "app-reassign-done", Viewport.PHONE);
        }
    }

    @Test
    void twoTabsChangeTheSameTicketOneWinsTheOtherSeesTheFreshCard() {
        Viewport viewport = Viewport.LAPTOP;
        String email = PortalData.email("xtabs");
        String quota = soldQuota(email, "Tess Tabs", "E4", true,
                List.of(List.of("Olga Old", PortalData.email("olga"))));
        String ticket = PortalData.admin(quota).getString("tickets[0].id");
        String form = RunningSuite.PORTAL_URL + "/holder/quotas/" + quota + "/tickets/" + ticket + "/attendee";
        try (BrowserContext person = chromium.person(viewport)) {
            Page first = person.newPage();
            first.navigate(PortalData.deeplink(email));
            first.navigate(form);
            Page second = person.newPage();
            second.navigate(form);
            first.getByLabel("Name of the new attendee").fill("Fred First");
            first.getByLabel("Email of the new attendee").fill(PortalData.email("fred"));
            second.getByLabel("Name of the new attendee").fill("Sara Second");
            second.getByLabel("Email of the new attendee").fill(PortalData.email("sara"));
            first.locator("#reassign").click();
            assertThat(first.locator("#done")).containsText("now belongs to Fred First");
            second.locator("#reassign").click();
            assertThat(second.locator("#conflict")).containsText("changed this ticket a moment ago");
            assertThat(second.locator("#current-attendee")).hasText("For Fred First");
            assertThat(second.getByLabel("Name of the new attendee")).hasValue("Sara Second");
            Chromium.screenshot(second, "reassign-conflict", viewport);
        }
        assertThat(PortalData.admin(quota).getString("tickets[0].attendeeName")).isEqualTo("Fred First");
    }
}
