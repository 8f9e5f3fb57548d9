package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.stadium.quota.system.Chromium.Viewport;

/**
 * The admin portal in a real browser (Debian's Chromium) on a laptop and a tablet, against the four packaged services:
 * the quotas list with its filters in the address, a quota's page, and cancelling with each option after reading the
 * dialog's effect, which must equal what the cancellation then reports; creating a quota through the form and
 * seeing its seats ringed on the seat map; a match's sectors. The cancellation test needs quota-service's
 * dry run (POST .../cancel/preview, issue 13's backend branch).
 */
@ExtendWith(RunningSuite.class)
class AdminPortalIT {

    private static Chromium chromium;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        chromium.close();
    }

    /** Signs in as admin/admin through Keycloak's login page and lands on the dashboard. */
    static Page signedInAdmin(BrowserContext person) {
        Page page = person.newPage();
        page.navigate(RunningSuite.PORTAL_URL + "/admin");
        page.locator("#username").fill("admin");
        page.locator("#password").fill("admin");
        page.locator("#kc-login").click();
        assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin");
        return page;
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void anAdminFindsAQuotaByFiltersInTheAddressAndOpensIt(Viewport viewport) {
        String email = PortalData.email("listed");
        String quota = PortalData.quota(email, "Lia Listed", "W2", 3, 10, true);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = signedInAdmin(person);
            Chromium.screenshot(page, "admin-dashboard", viewport);
            page.locator("#all-quotas").click();
            page.locator("#f-holder").fill(email);
            page.locator("#f-state").selectOption("ALLOCATED");
            page.locator("#apply-filters").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/quotas?match=&holder="
                    + email.replace("@", "%40") + "&state=ALLOCATED&sector=&expiring=");
            Locator row = page.locator("[data-quota='" + quota + "']");
            assertThat(row.locator("[data-count='ALLOCATED']")).hasText("3");
            assertThat(page.locator("#quota-total")).containsText("1 quota found");
            page.locator("#f-holder").fill("");
            page.locator("#f-state").selectOption("");
            page.locator("#apply-filters").click();
            Chromium.screenshot(page, "admin-quotas", viewport);
            page.navigate(RunningSuite.PORTAL_URL + "/admin/quotas?holder=" + email);
            page.locator("[data-quota='" + quota + "'] a.quota-link").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/quotas/" + quota);
            assertThat(page.locator("#allocation-status")).hasAttribute("data-state", "ALLOCATED");
            assertThat(page.locator("#tickets tbody tr")).hasCount(3);
            assertThat(page.locator("#masquerade button")).isVisible();
            Chromium.screenshot(page, "admin-quota-detail", viewport);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void cancellingWithEachOptionDoesExactlyWhatTheDialogShowed(Viewport viewport) {
        for (String scope : List.of("UNFULFILLED_ONLY", "ALL_UNUSED")) {
            String email = PortalData.email("cancel");
            String quota = PortalData.quota(email, "Cas Cancel", "N3", 2, 0, false);
            try (BrowserContext person = chromium.person(viewport)) {
                Page page = signedInAdmin(person);
                page.navigate(RunningSuite.PORTAL_URL + "/admin/quotas/" + quota);
                page.locator("#cancel").click();
                Locator option = page.locator("#option-" + scope);
                assertThat(option.locator("[data-no-preview]")).hasCount(0);
                Map<String, String> shown = effect(option.locator("[data-effect-quota='" + quota + "']"));
                assertThat(shown.get("ALLOCATED")).isEqualTo("2");
                Chromium.screenshot(page, "admin-cancel-dialog", viewport);
                option.locator("#confirm-" + scope).click();
                assertThat(page.locator("#cancelled")).isVisible();
                Map<String, String> done = effect(page.locator("[data-effect-quota='" + quota + "']"));
                assertThat(done).isEqualTo(shown);
                assertThat(PortalData.admin(quota).getString("quota.state")).isEqualTo("CANCELLED");
                Chromium.screenshot(page, "admin-cancel-done-" + scope.toLowerCase(), viewport);
            }
        }
    }

    /** The new-quota form's main fields, typed as a person would (checking the match asks for its sectors). */
    private static void fillQuotaForm(Page page, String name, String email, long match, String sectors,
            String quantity) {
        page.locator("#holderName").fill(name);
        page.locator("#holderEmail").fill(email);
        assertThat(page.evaluate("typeof htmx")).as("htmx loaded").isEqualTo("object");
        Response sectorList = page.waitForResponse(r -> r.url().contains("/admin/quotas/new/sectors"),
                () -> page.locator("input[name='matchIds'][value='" + match + "']").check());
        assertThat(sectorList.status()).as(sectorList.text()).isEqualTo(200);
        page.locator("#sectors").fill(sectors);
        page.locator("#quantity").fill(quantity);
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void anAdminCreatesAQuotaThroughTheFormAndItsPageFollowsTheAllocation(Viewport viewport) {
        String email = PortalData.email("created");
        long match = PortalData.match(0);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = signedInAdmin(person);
            page.locator("header nav a[href='/admin/quotas/new']").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/quotas/new");
            fillQuotaForm(page, "Cora Created", email, match, "N3", "3");
            assertThat(page.locator("#sector-list tr[data-sector='N3'] td[data-free]")).containsText(" / ");
            page.locator("#discountPercent").fill("25");
            page.locator("input[name='algorithm'][value='NM']").check();
            page.locator("input[name='delegate']").check();
            Chromium.screenshot(page, "admin-quota-new", viewport);
            page.locator("#create").click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/quotas/[0-9a-f-]{36}$"));
            assertThat(page.locator("#allocation-status")).hasAttribute("data-state", "ALLOCATED",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
            assertThat(page.locator("#tickets tbody tr[data-status='ALLOCATED']")).hasCount(3);
            assertThat(page.locator("#counts [data-count='ALLOCATED']")).hasText("3");
            Locator mine = page.locator("#seat-maps svg.seat-map g.seat.mine");
            assertThat(mine).hasCount(3);
            assertThat(mine.first().locator("title")).containsText("this quota's seat");
            assertThat(page.locator("#seat-maps figure[data-sector='N3']")).hasCount(1);
            String quota = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(PortalData.admin(quota).getString("quota.holderEmail")).isEqualTo(email);
            assertThat(PortalData.admin(quota).getInt("discountPercent")).isEqualTo(25);
            Chromium.screenshot(page, "admin-quota-allocated", viewport);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void aRefusedQuotaFormShowsTheReasonNextToTheFieldAndKeepsWhatWasTyped(Viewport viewport) {
        String email = PortalData.email("refused");
        long match = PortalData.match(0);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = signedInAdmin(person);
            page.navigate(RunningSuite.PORTAL_URL + "/admin/quotas/new");
            fillQuotaForm(page, "Rita Refused", email, match, "N3, W2", "0");
            page.locator("#create").click();

            assertThat(page.locator("#quantity-error")).containsText("at least 1");
            assertThat(page.locator("#quantity")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#holderName")).hasValue("Rita Refused");
            assertThat(page.locator("#holderEmail")).hasValue(email);
            assertThat(page.locator("#sectors")).hasValue("N3, W2");
            assertThat(page.locator("input[name='matchIds'][value='" + match + "']")).isChecked();
            assertThat(page.locator("#sector-list [data-sector='N3']")).isVisible();
            assertThat(PortalData.quotasOf(email)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void anAdminSeesEverySectorOfAMatchWithFreeHeldAndSoldAndOpensItsSeatMap(Viewport viewport) {
        long match = PortalData.match(0);
        PortalData.quota(PortalData.email("mapped"), "Max Mapped", "N3", 2, 0, false);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = signedInAdmin(person);
            page.navigate(RunningSuite.PORTAL_URL + "/admin/matches/" + match);
            Locator n3 = page.locator("#sectors tr[data-sector='N3']");
            assertThat(n3.locator(".bar")).hasAttribute("aria-label", Pattern.compile("\\d+ free, \\d+ held, \\d+ sold"));
            assertThat(n3.locator("[data-accessible]")).containsText("wheelchair");
            assertThat(page.locator("#match-total")).containsText("seats:");
            Chromium.screenshot(page, "admin-match", viewport);
            n3.locator("a").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/matches/" + match + "/sectors/N3");
            Locator seats = page.locator("svg.seat-map g.seat");
            assertThat(seats.first()).hasAttribute("tabindex", "0");
            assertThat(seats.first().locator("title")).containsText("Row 1, seat");
            assertThat(page.locator("svg.seat-map g.seat.held").first()).isAttached();
            assertThat(page.locator("svg.seat-map g.seat.held").count()).isGreaterThanOrEqualTo(2);
        }
    }

    /** An effect's line as the page shows it: tickets cancelled per status, rest, kept, refunds. */
    private static Map<String, String> effect(Locator line) {
        return Map.of("ALLOCATED", line.locator("[data-cancelled='ALLOCATED']").textContent(),
                "RESERVED", line.locator("[data-cancelled='RESERVED']").textContent(),
                "SOLD", line.locator("[data-cancelled='SOLD']").textContent(),
                "unfulfilled", line.locator("[data-unfulfilled]").textContent(),
                "soldKept", line.locator("[data-sold-kept]").textContent(),
                "refunds", line.locator("[data-refunds]").getAttribute("data-refunds"),
                "refundedCents", line.locator("[data-refunds]").getAttribute("data-refunded-cents"));
    }
}
