package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.stadium.quota.system.Chromium.Viewport;

/**
 * The holder's portal in a real browser (Debian's Chromium), on a phone and on a laptop, against the four packaged
 * services: from the invitation mail's link to paid tickets with QR codes, free tickets, passing tickets on and
 * taking them back, a lapsed hold, an admin acting as a holder, and two tabs claiming the same ticket.
 */
@ExtendWith(RunningSuite.class)
class HolderPortalIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** A new tab on the link of the newest mail to this address, as the person would click it. */
    private static Page fromTheMail(BrowserContext person, String email) {
        Page page = person.newPage();
        page.navigate(PortalData.deeplink(email));
        return page;
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"PHONE", "LAPTOP"})
    void aHolderOpensTheMailsLinkClaimsTwoTicketsPaysAndGetsTheirQrCodes(Viewport viewport) {
        String email = PortalData.email("vip");
        String quota = PortalData.quota(email, "Vera Vip", "W2", 3, 20, false);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = fromTheMail(person, email);
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/holder");
            Locator section = page.locator("[data-quota='" + quota + "']");
            assertThat(section.locator("[data-status='ALLOCATED']")).hasCount(3);
            assertThat(section.locator("[data-count='ALLOCATED']")).hasText("3");
            assertThat(section).containsText("20 % discount");
            assertThat(page.locator("h2").first()).hasText(PortalData.admin(quota).getString("quota.matchName"));
            Chromium.screenshot(page, "holder-dashboard", viewport);

            page.locator("#claim-" + quota).click();
            assertThat(page.locator(".steps [aria-current='step']")).containsText("Select tickets");
            Chromium.screenshot(page, "claim-1-select", viewport);
            Locator boxes = page.locator("input[name='ticket']");
            boxes.nth(0).check();
            boxes.nth(1).check();
            page.locator("#continue").click();

            assertThat(page.locator(".steps [aria-current='step']")).containsText("Ticket info");
            assertThat(page.locator("#hold")).containsText("held for you until");
            page.locator("fieldset.attendee").nth(0).getByLabel("This ticket is for me").check();
            page.locator("#name-1").fill("Gus Guest");
            page.locator("#email-1").fill("gus@friends.example");
            Chromium.screenshot(page, "claim-2-ticket-info", viewport);
            page.locator("#save-attendees").click();

            assertThat(page.locator(".steps [aria-current='step']")).containsText("Payment");
            // two seats of one category with 20 % off, as quota-service prices them
            int cents = 2 * PortalData.admin(quota).getInt("tickets[0].priceCents");
            String amount = "%d.%02d".formatted(cents / 100, cents % 100);
            assertThat(page.locator("#amount")).hasText("€" + amount);
            Chromium.screenshot(page, "claim-3-payment", viewport);
            page.locator("#pay").click();

            assertThat(page.locator("h1")).hasText("Sandbox payment");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Pay " + amount + " EUR")).click();

            assertThat(page.locator("#confirmed")).hasText("Your tickets are confirmed");
            Locator tickets = page.locator(".ticket");
            assertThat(tickets).hasCount(2);
            assertThat(page.locator(".ticket svg.qr")).hasCount(2);
            assertThat(tickets.nth(0)).containsText("For Vera Vip");
            assertThat(tickets.nth(1)).containsText("For Gus Guest");
            // each QR code is the ticket's signed code, naming that ticket
            List<String> references = page.locator(".ticket svg.qr").all().stream()
                    .map(qr -> qr.getAttribute("data-reference")).toList();
            List<String> ticketIds = page.locator(".ticket").all().stream().map(t -> t.getAttribute("data-ticket"))
                    .toList();
            assertThat(references).extracting(PortalData::ticketOf).containsExactlyInAnyOrderElementsOf(ticketIds);
            Chromium.screenshot(page, "claim-4-confirmation", viewport);

            // the mail carries the same tickets: one inline image per ticket, named after the ticket
            await().atMost(Duration.ofSeconds(20)).until(() -> !PortalData.mails(email, "confirmed").isEmpty());
            String mail = PortalData.unfold((String) PortalData.mails(email, "confirmed").get(0).get("mimeMessage"));
            ticketIds.forEach(id -> assertThat(mail).contains(id + ".png"));

            page.locator("#back-to-tickets").click();
            assertThat(section.locator("[data-status='SOLD']")).hasCount(2);
            assertThat(section.locator("[data-count='SOLD']")).hasText("2");
            assertThat(section).containsText("For Gus Guest");
            Chromium.screenshot(page, "holder-dashboard-sold", viewport);
        }
        assertThat(PortalData.counts(quota)).containsEntry("SOLD", 2).containsEntry("ALLOCATED", 1);
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"PHONE", "LAPTOP"})
    void freeTicketsAreConfirmedWithoutAPaymentStep(Viewport viewport) {
        String email = PortalData.email("partner");
        String quota = PortalData.quota(email, "Paul Partner", "W5", 2, 100, false);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = fromTheMail(person, email);
            assertThat(page.locator("[data-quota='" + quota + "']")).containsText("free tickets");
            page.locator("#claim-" + quota).click();
            assertThat(page.locator(".steps")).containsText("Confirmation");
            assertThat(page.locator(".steps")).not().containsText("Payment");
            page.locator("#claim-all").click();
            page.locator("#name-0").fill("Paula Partner");
            page.locator("#email-0").fill("paula@partner.example");
            page.locator("fieldset.attendee").nth(1).getByLabel("This ticket is for me").check();
            assertThat(page.locator("#save-attendees")).hasText("Confirm my free tickets");
            page.locator("#save-attendees").click();
            assertThat(page.locator("#confirmed")).isVisible();
            assertThat(page.locator("main")).containsText("no payment was needed");
            assertThat(page.locator(".ticket svg.qr")).hasCount(2);
            Chromium.screenshot(page, "claim-free-confirmation", viewport);
        }
        assertThat(PortalData.counts(quota)).containsEntry("SOLD", 2);
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"PHONE", "LAPTOP"})
    void aHolderSendsTwoTicketsTheGuestClaimsOneAndTheHolderTakesBackTheOther(Viewport viewport) {
        String email = PortalData.email("sponsor");
        String guest = PortalData.email("guest");
        String quota = PortalData.quota(email, "Sam Sponsor", "E2", 4, 100, true);
        try (BrowserContext holder = chromium.person(viewport); BrowserContext visitor = chromium.person(viewport)) {
            Page page = fromTheMail(holder, email);
            page.locator("#send-" + quota).click();
            Chromium.screenshot(page, "send-form", viewport);

            // sending to oneself is refused next to the field, and nothing is lost from the form
            page.getByLabel("How many").fill("2");
            page.getByLabel("Their name").fill("Myself");
            page.getByLabel("Their email").fill(email.toUpperCase());
            page.locator("#review").click();
            assertThat(page.locator("#recipientEmail-error")).containsText("these tickets are yours already");
            assertThat(page.getByLabel("Their name")).hasValue("Myself");

            page.getByLabel("Their name").fill("Gus Guest");
            page.getByLabel("Their email").fill(guest);
            page.getByLabel("A personal message (optional)").fill("See you at the match!");
            page.locator("#review").click();
            assertThat(page.locator("#send-summary")).containsText("You are sending 2 tickets to Gus Guest");
            assertThat(page.locator(".card")).hasCount(2);
            Chromium.screenshot(page, "send-confirm", viewport);
            page.locator("#send").click();
            assertThat(page.locator("#done")).containsText("Your tickets were sent to Gus Guest");
            Locator line = page.locator("[data-quota='" + quota + "'] .subquotas li");
            assertThat(line).containsText("0 claimed, 2 not claimed yet");

            // the guest follows their own mail, sees who sent the tickets and claims one (no button to pass on)
            Page guestPage = fromTheMail(visitor, guest);
            assertThat(guestPage.locator("[data-received-from]")).hasText("Sent to you by Sam Sponsor");
            assertThat(guestPage.locator("a[id^='send-']")).hasCount(0);
            Chromium.screenshot(guestPage, "guest-dashboard", viewport);
            guestPage.locator("a[id^='claim-']").click();
            guestPage.locator("input[name='ticket']").first().check();
            guestPage.locator("#continue").click();
            guestPage.locator("fieldset.attendee").first().getByLabel("This ticket is for me").check();
            guestPage.locator("#save-attendees").click();
            assertThat(guestPage.locator("#confirmed")).isVisible();

            page.reload();
            assertThat(line).containsText("1 claimed, 1 not claimed yet");
            line.locator("a", new Locator.LocatorOptions().setHasText("Take back")).click();
            assertThat(page.locator("[data-come-back]")).hasText("1 unclaimed ticket comes back to you.");
            assertThat(page.locator("[data-stay]")).containsText("1 ticket that Gus Guest has already claimed");
            assertThat(page.locator("#retract-told")).hasText("Gus Guest gets an email saying so.");
            Chromium.screenshot(page, "retract-confirm", viewport);
            page.locator("#retract").click();
            assertThat(page.locator("#done")).hasText("1 ticket is back with you from Gus Guest.");
            assertThat(page.locator("[data-quota='" + quota + "'] [data-count='ALLOCATED']")).hasText("3");

            guestPage.navigate(RunningSuite.PORTAL_URL + "/holder");
            assertThat(guestPage.locator(".card")).hasCount(1);
            assertThat(guestPage.locator(".card")).hasAttribute("data-status", "SOLD");
        }
        assertThat(PortalData.counts(quota)).containsEntry("ALLOCATED", 3);
    }

    @Test
    void aLapsedHoldExplainsItselfAndTheClaimCanStartAgain() {
        Viewport viewport = Viewport.PHONE;
        String email = PortalData.email("late");
        String quota = PortalData.quota(email, "Lea Late", "N2", 2, 0, false);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = fromTheMail(person, email);
            page.locator("#claim-" + quota).click();
            String ticket = page.locator("input[name='ticket']").first().getAttribute("value");
            page.locator("input[name='ticket']").first().check();
            page.locator("#continue").click();
            assertThat(page.locator(".countdown")).isVisible();
            // the hold (30 s in the system tests) brought to 3 s from now; the page's countdown reloads it then
            assertThat(ServiceDatabase.lapseHolds(List.of(quota), Duration.ofSeconds(3))).isEqualTo(1);
            page.reload();
            assertThat(page.locator("#released")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            assertThat(page.locator("#released-why")).containsText("ran out");
            Chromium.screenshot(page, "claim-hold-lapsed", viewport);
            await().atMost(Duration.ofSeconds(10)).until(() -> PortalData.counts(quota).get("ALLOCATED") == 2);
            page.locator("#start-again").click();
            assertThat(page.locator("input[value='" + ticket + "']")).isChecked();
        }
    }

    @Test
    void anAdminActsAsAHolderCannotPayAndStopsActingBackOnTheAdminPage() {
        Viewport viewport = Viewport.LAPTOP;
        String email = PortalData.email("acted");
        String quota = PortalData.quota(email, "Ada Acted", "S2", 2, 0, false);
        PortalData.deeplink(email); // the holder exists in Keycloak once invited
        try (BrowserContext admin = chromium.person(viewport)) {
            Page page = Chromium.signedInOwnSession(admin, "admin", "admin", "/admin");
            page.getByLabel("Holder's email").fill(email);
            page.locator("button[name='act']").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/holder");
            assertThat(page.locator("#masquerade-banner"))
                    .containsText("You are acting as Ada Acted <" + email + "> — signed in as admin");
            page.locator("#claim-" + quota).click();
            assertThat(page.locator("#masquerade-banner")).isVisible();
            page.locator("input[name='ticket']").first().check();
            page.locator("#continue").click();
            page.locator("#name-0").fill("Ada Acted");
            page.locator("#email-0").fill("ada.guest@sponsor.example");
            page.locator("#save-attendees").click();
            page.locator("#pay").click();
            assertThat(page.locator("#payment-refused")).containsText("you cannot pay");
            Chromium.screenshot(page, "masquerade-payment-refused", viewport);
            assertThat(PortalData.counts(quota)).containsEntry("SOLD", 0);

            page.getByText("Stop acting").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin");
            assertThat(page.locator("h1")).hasText("Quota administration");
            page.navigate(RunningSuite.PORTAL_URL + "/holder");
            assertThat(page.locator("#masquerade-banner")).hasCount(0);
        }
    }

    @Test
    void theSameTicketClaimedInTwoTabsAtOnceGoesToOneAndTheOtherSeesFreshCards() {
        Viewport viewport = Viewport.LAPTOP;
        String email = PortalData.email("twotabs");
        String quota = PortalData.quota(email, "Tia Tabs", "E3", 2, 0, false);
        try (BrowserContext person = chromium.person(viewport)) {
            Page first = fromTheMail(person, email);
            // the second tab's live updates are cut (a proxy that buffers): its continue meets quota-service's 409
            Page second = person.newPage();
            second.route("**/holder/live**", route -> route.abort());
            Page third = person.newPage();
            String claim = RunningSuite.PORTAL_URL + "/holder/quotas/" + quota + "/claim";
            first.navigate(claim);
            second.navigate(claim);
            third.navigate(claim);
            String ticket = first.locator("input[name='ticket']").first().getAttribute("value");
            for (Page tab : List.of(first, second, third)) {
                tab.locator("input[value='" + ticket + "']").check();
            }
            first.locator("#continue").click();
            assertThat(first.locator(".steps [aria-current='step']")).containsText("Ticket info");
            second.locator("#continue").click();

            assertThat(second.locator("#conflict")).containsText("were just taken");
            assertThat(second.locator("input[value='" + ticket + "']")).hasCount(0);
            assertThat(second.locator("input[name='ticket']")).hasCount(1);
            Chromium.screenshot(second, "claim-conflict", viewport);
            // the third tab, live, says so before its holder even continues
            assertThat(third.locator("#conflict")).containsText("were just taken");
            assertThat(third.locator("input[value='" + ticket + "']")).hasCount(0);
            assertThat(third.locator("input[name='ticket']")).hasCount(1);
        }
        assertThat(PortalData.counts(quota)).containsEntry("RESERVED", 1).containsEntry("ALLOCATED", 1);
    }

    @Test
    void theMainPagesSpeakGerman() {
        Viewport viewport = Viewport.PHONE;
        String email = PortalData.email("gast");
        String quota = PortalData.quota(email, "Greta Gast", "W1", 2, 0, true);
        try (BrowserContext person = chromium.person(viewport, "de-DE")) {
            Page page = fromTheMail(person, email);
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(page.locator("h1")).hasText("Meine Tickets");
            assertThat(page.locator("#claim-" + quota)).hasText("Tickets holen");
            assertThat(page.locator("#send-" + quota)).hasText("Tickets an jemand anderen schicken");
            Chromium.screenshot(page, "holder-dashboard-de", viewport);
            page.locator("#claim-" + quota).click();
            assertThat(page.locator("h1")).hasText("Welche Tickets möchten Sie?");
        }
    }
}
