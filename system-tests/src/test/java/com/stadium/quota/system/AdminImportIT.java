package com.stadium.quota.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.stadium.quota.system.Chromium.Viewport;

/**
 * The CSV import wizard in a real browser on a laptop and a tablet, against the four packaged services: the template,
 * a file with errors and its report, then a fixed file (Excel's sep=; and semicolons) whose preview shows each line's
 * seats and, for a group made to fail at one match, that match; a repeated line skipped; confirm; the progress bar,
 * fed by server-sent events, reaching the end; the final report, also after a reload, and in the history.
 */
@ExtendWith(RunningSuite.class)
class AdminImportIT {

    /** Each screen's run fills its own corner sector, so the two runs never take each other's seats. */
    private static final Map<Viewport, String> CORNER = Map.of(Viewport.LAPTOP, "NE", Viewport.TABLET, "SE");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** Chooses a file in the upload form and sends it; the answer the browser got. */
    private static Response upload(Page page, String name, String mime, byte[] content) {
        page.locator("#file").setInputFiles(new FilePayload(name, mime, content));
        return page.waitForResponse(r -> r.url().endsWith("/admin/imports") && "POST".equals(r.request().method()),
                () -> page.locator("#upload-button").click());
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"LAPTOP", "TABLET"})
    void anAdminImportsAFileFromTemplateToFinalReport(Viewport viewport) throws IOException {
        long a = PortalData.match(0);
        long b = PortalData.match(1);
        String blockingName = PortalData.matchName(1);
        String corner = CORNER.get(viewport);
        // three seats of the corner stay free at match b: line 2 takes two, so the group on line 3 cannot sit there
        String filler = PortalData.fillLeaving(b, corner, 3);
        try (BrowserContext person = chromium.person(viewport)) {
            Page page = AdminPortalIT.signedInAdmin(person);
            page.locator("header nav a[href='/admin/imports']").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/imports");
            Chromium.screenshot(page, "admin-import-start", viewport);

            Download template = page.waitForDownload(() -> page.locator("#template").click());
            List<String> templateLines = Files.readAllLines(template.path(), StandardCharsets.UTF_8);
            assertThat(Arrays.asList(templateLines.get(0).split(","))).containsExactly("holder_email", "holder_name",
                    "matches", "sectors", "quantity", "discount", "algorithm", "expires_on", "delegate",
                    "transferable", "allow_partial", "locale");
            assertThat(templateLines).hasSizeGreaterThan(1);

            String run = PortalData.email("run").substring(4, 12);
            String withErrors = "holder_email,holder_name,matches,sectors,quantity,algorithm\n"
                    + "not-an-email,Erin Error," + a + ",W5,2,NM\n"
                    + "q-" + run + "@sponsor.example,Quincy Quantity," + a + ",W5,two,NM\n"
                    + "u-" + run + "@sponsor.example,Una Unknown," + a + ",Z9,2,NM\n";
            assertThat(upload(page, "with-errors.csv", "text/csv", withErrors.getBytes(StandardCharsets.UTF_8))
                    .status()).isEqualTo(303);
            assertThat(page).hasURL(Pattern.compile(".*/admin/imports/[0-9a-f-]{36}$"));
            assertThat(page.locator("#import-status")).hasAttribute("data-status", "INVALID");
            assertThat(page.locator("#errors tbody tr")).hasCount(3);
            assertError(page, 2, "holder_email", "is not an email address");
            assertError(page, 3, "quantity", "must be a whole number");
            assertError(page, 4, "sectors", "unknown sector Z9");
            assertThat(page.locator("#errors-csv")).hasAttribute("href", Pattern.compile(".*/errors\\.csv$"));
            assertThat(page.locator("#confirm")).hasCount(0);
            Chromium.screenshot(page, "admin-import-errors", viewport);

            // fixed, as a German Excel writes it for another Excel: sep=; first, lists quoted; rows 2 to 5.
            // Rows 2 and 3 are groups drawn at random (REDOM) in the corner, where match b has 3 seats left
            String groupLine = "g-" + run + "@sponsor.example;Gus Group;\"" + a + ";" + b + "\";" + corner
                    + ";2;REDOM\r\n";
            String fixed = "sep=;\r\nholder_email;holder_name;matches;sectors;quantity;algorithm\r\n"
                    + "p-" + run + "@sponsor.example;\"Pia Pair; Box 4\";\"" + a + ";" + b + "\";" + corner
                    + ";2;REDOM\r\n" + groupLine
                    + "s-" + run + "@sponsor.example;Sam Single;" + a + ";W5;2;NM\r\n"
                    + "s-" + run + "@sponsor.example;Sam Single;" + a + ";W5;2;NM\r\n";
            page.locator("#upload-again").click();
            assertThat(upload(page, "fixed.csv", "text/csv", fixed.getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(303);
            assertThat(page.locator("#import-status")).hasAttribute("data-status", "VALIDATED");
            assertThat(page.locator("#errors")).hasCount(0);
            String importId = page.url().substring(page.url().lastIndexOf('/') + 1);

            Locator pair = page.locator("#preview tr[data-preview-line='2']");
            assertThat(pair).hasAttribute("data-outcome", "ALLOCATED");
            assertThat(pair).containsText("Pia Pair; Box 4");
            assertThat(pair.locator(".seat-groups li").first()).containsText(Pattern.compile(corner + ", row \\S+: seats \\S+"));
            Locator group = page.locator("#preview tr[data-preview-line='3']");
            assertThat(group).hasAttribute("data-outcome", "FAILED");
            assertThat(group.locator("[data-blocking-match='" + b + "']"))
                    .hasText("blocked by " + blockingName + " (1 free there)");
            assertThat(page.locator("#preview tr[data-preview-line='4']")).hasAttribute("data-outcome", "ALLOCATED");
            assertThat(page.locator("#decision-5")).containsText("repeats an earlier line");
            Chromium.screenshot(page, "admin-import-preview", viewport);

            page.locator("#confirm").click();
            assertThat(page.locator("#decision-5-error")).containsText("skip line 5");
            List<String> streamed = new ArrayList<>();
            page.onRequest(r -> streamed.add(r.url()));
            page.locator("input[name='line-5'][value='skip']").check();
            Response confirmed = page.waitForResponse(r -> r.url().endsWith("/admin/imports/" + importId)
                    && "GET".equals(r.request().method()), () -> page.locator("#confirm").click());
            boolean followed = confirmed.text().contains("sse-connect");

            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/imports/" + importId);
            Locator bar = page.locator("#import-bar");
            assertThat(bar).hasAttribute("data-done", "true",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            assertThat(bar).hasAttribute("max", "3");
            assertThat(bar).hasAttribute("value", "3");
            if (followed) {
                assertThat(streamed).as("the page followed the allocation by server-sent events")
                        .anyMatch(url -> url.endsWith("/admin/imports/" + importId + "/progress"));
            }
            assertFinalReport(page, b, blockingName);
            // the stream of a finished import: one event "done" carrying the final report block, then it ends
            String stream = person.request().get(RunningSuite.PORTAL_URL + "/admin/imports/" + importId
                    + "/progress").text();
            assertThat(stream).containsPattern("event: ?done").contains("id=\"import-live\"")
                    .contains("data-done=\"true\"").doesNotContain("event: progress").doesNotContain("event:progress");
            Chromium.screenshot(page, "admin-import-done", viewport);

            page.reload();
            assertThat(page.locator("#import-live")).not().hasAttribute("sse-connect", Pattern.compile(".*"));
            assertFinalReport(page, b, blockingName);
            assertThat(PortalData.importOf(importId).getList("created.line", Integer.class))
                    .containsExactlyInAnyOrder(2, 2, 3, 3, 4);

            page.locator("header nav a[href='/admin/imports']").click();
            Locator listed = page.locator("#imports tr[data-import='" + importId + "']");
            assertThat(listed).hasAttribute("data-status", "CONFIRMED");
            assertThat(listed.locator("[data-lines]")).hasText("4");
            assertThat(listed.locator("[data-quotas]")).hasText("5");
            assertThat(listed).containsText("fixed.csv");
            Chromium.screenshot(page, "admin-import-history", viewport);
            listed.locator("a.import-link").click();
            assertThat(page).hasURL(RunningSuite.PORTAL_URL + "/admin/imports/" + importId);
        } finally {
            PortalData.cancel(filler);
        }
    }

    @Test
    void aFileOver1MiBOrNotACsvFileIsRefusedWithAClearMessage() {
        try (BrowserContext person = chromium.person(Viewport.LAPTOP)) {
            Page page = AdminPortalIT.signedInAdmin(person);
            page.navigate(RunningSuite.PORTAL_URL + "/admin/imports");
            String latest = PortalData.latestImport();

            byte[] large = new byte[1024 * 1024 + 1];
            Arrays.fill(large, (byte) 'a');
            assertThat(upload(page, "large.csv", "text/csv", large).status()).isEqualTo(200);
            assertThat(page.locator("#file-error")).hasText("large.csv is larger than 1 MiB; split it into smaller"
                    + " files.");
            assertThat(page.locator("#file")).hasAttribute("aria-invalid", "true");

            assertThat(upload(page, "quotas.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    new byte[] {'P', 'K', 3, 4, 0, 0}).status()).isEqualTo(200);
            assertThat(page.locator("#file-error")).containsText("quotas.xlsx is not a CSV file");

            // named .csv but a spreadsheet inside: quota-service reads it and says why
            assertThat(upload(page, "renamed.csv", "text/csv", new byte[] {'P', 'K', 3, 4, 0, 0}).status())
                    .isEqualTo(200);
            assertThat(page.locator("#file-error")).containsText("renamed.csv cannot be imported");
            assertThat(page.locator("#file-reasons")).containsText("not a text file");
            Chromium.screenshot(page, "admin-import-refused", Viewport.LAPTOP);
            assertThat(PortalData.latestImport()).as("nothing stored").isEqualTo(latest);
        }
    }

    private static void assertError(Page page, int line, String column, String reason) {
        assertThat(page.locator("#errors tr[data-error-line='" + line + "'][data-column='" + column + "']"))
                .containsText(reason);
    }

    /** The import's final state: every line settled, the group's line failed at the match that blocks it. */
    private static void assertFinalReport(Page page, long blocking, String blockingName) {
        assertThat(page.locator("#import-bar")).hasAttribute("value", "3");
        assertThat(page.locator("#import-progress-text")).containsText("3 of 3 lines done, 1 failed");
        assertThat(page.locator("#import-progress-text")).containsText("3 of 5 quotas allocated");
        assertThat(page.locator("#import-failures li[data-failed-line='3'] [data-blocking-match='" + blocking + "']"))
                .hasText("blocked by " + blockingName + " (1 free there)");
        assertThat(page.locator("#created tr[data-created-line='2'][data-state='ALLOCATED']")).hasCount(2);
        assertThat(page.locator("#created tr[data-created-line='3'][data-state='ALLOCATION_FAILED']")).hasCount(2);
        assertThat(page.locator("#created tr[data-created-line='4'][data-state='ALLOCATED']")).hasCount(1);
        assertThat(page.locator("#live-title")).hasText("Final report");
    }
}
