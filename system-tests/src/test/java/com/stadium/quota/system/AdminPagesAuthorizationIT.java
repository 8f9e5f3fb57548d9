package com.stadium.quota.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.htmlunit.FormEncodingType;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.KeyDataPair;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.TestStack;

/**
 * Every admin page for each kind of visitor, with real sessions through Keycloak's login page: anonymous visitors are
 * sent to sign in, a holder never reaches /admin (403, nothing shown), a manager and an admin see every page; only the
 * admin with the masquerade role is offered "act as this holder" (dashboard, quota page, list and tracking lines), and
 * a manager who posts it anyway is refused. Sponsor tracking's CSV download follows the same rules. Every
 * admin form posted without its CSRF token or with a forged one is refused (400) and changes nothing (the create form
 * makes no quota).
 */
@ExtendWith(RunningSuite.class)
class AdminPagesAuthorizationIT {

    private static final String PORTAL = RunningSuite.PORTAL_URL;
    private static String holderEmail;
    private static String quota;
    private static String importId;
    private static WebClient anonymous;
    private static WebClient holder;
    private static WebClient manager;
    private static WebClient admin;

    @BeforeAll
    static void visitors() throws Exception {
        holderEmail = PortalData.email("admin-pages");
        quota = PortalData.quota(holderEmail, "Ada Adminpages", "N3", 2, 0, false);
        importId = PortalData.upload("holder_email,holder_name,matches,sectors,quantity,algorithm\n" + holderEmail
                + ",Ada Adminpages," + PortalData.match(0) + ",N3,1,NM\n", "admin-pages.csv");
        anonymous = browser();
        // only where the visitor lands is checked; parsing Keycloak's login stylesheets was most of the test's time
        anonymous.getOptions().setCssEnabled(false);
        holder = signedIn("holder", "holder");
        manager = signedIn("manager", "manager");
        admin = signedIn("admin", "admin");
    }

    @AfterAll
    static void close() {
        for (WebClient browser : List.of(anonymous, holder, manager, admin)) {
            browser.close();
        }
    }

    private static WebClient browser() {
        WebClient browser = LoopbackBrowser.open();
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return browser;
    }

    /** A browser signed in at /admin through Keycloak's login page. */
    static WebClient signedIn(String username, String password) throws Exception {
        WebClient browser = browser();
        HtmlPage login = browser.getPage(PORTAL + "/admin");
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type(username);
        form.getInputByName("password").type(password);
        form.getButtonByName("login").click();
        return browser;
    }

    /** Every admin page, with a real quota and match where a page needs one. */
    private static List<String> adminPages() {
        long match = PortalData.match(0);
        return List.of(PORTAL + "/admin", PORTAL + "/admin/quotas",
                PORTAL + "/admin/quotas?match=" + match + "&state=ALLOCATED&sector=N3&expiring=30&sort=holderName&dir=asc",
                PORTAL + "/admin/quotas/" + quota, PORTAL + "/admin/quotas/" + quota + "/status",
                PORTAL + "/admin/quotas/" + quota + "/cancel", PORTAL + "/admin/quotas/new",
                PORTAL + "/admin/quotas/new/sectors?matchIds=" + match, PORTAL + "/admin/matches/" + match,
                PORTAL + "/admin/matches/" + match + "/sectors/N3", PORTAL + "/admin/imports",
                PORTAL + "/admin/imports?page=1", PORTAL + "/admin/imports/template",
                PORTAL + "/admin/imports/" + importId, PORTAL + "/admin/imports/" + importId + "/errors.csv",
                PORTAL + "/admin/imports/" + importId + "/progress",
                PORTAL + "/admin/tracking",
                PORTAL + "/admin/matches/" + match + "/tracking",
                PORTAL + "/admin/matches/" + match + "/tracking?show=never-opened");
    }

    /** What the admin pages hand out as files. */
    private static List<String> adminFiles() {
        return List.of(PORTAL + "/admin/matches/" + PortalData.match(0) + "/tracking/never-opened.csv");
    }

    private static List<String> adminPagesAndFiles() {
        List<String> all = new ArrayList<>(adminPages());
        all.addAll(adminFiles());
        return all;
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        for (String url : adminPagesAndFiles()) {
            Page page = anonymous.getPage(url);
            assertThat(page.getUrl().toString()).as(url).startsWith(TestStack.keycloakUrl());
            assertThat(page.getWebResponse().getContentAsString()).as(url).doesNotContain(holderEmail);
        }
    }

    @Test
    void aHolderNeverReachesTheAdminPages() throws Exception {
        for (String url : adminPagesAndFiles()) {
            Page page = holder.getPage(url);
            assertThat(page.getWebResponse().getStatusCode()).as(url).isEqualTo(403);
            assertThat(page.getWebResponse().getContentAsString()).as(url).doesNotContain(holderEmail)
                    .doesNotContain("Ada Adminpages");
        }
    }

    @Test
    void managersAndAdminsSeeEveryPage() throws Exception {
        for (WebClient staff : List.of(manager, admin)) {
            for (String url : adminPagesAndFiles()) {
                Page page = staff.getPage(url);
                assertThat(page.getWebResponse().getStatusCode()).as(url).isEqualTo(200);
            }
            Page csv = staff.getPage(adminFiles().get(0));
            assertThat(csv.getWebResponse().getContentType()).isEqualTo("text/csv");
            assertThat(csv.getWebResponse().getContentAsString()).startsWith("quota_id,holder_name,holder_email,")
                    .contains(holderEmail);
            HtmlPage tracking = staff.getPage(PORTAL + "/admin/matches/" + PortalData.match(0) + "/tracking");
            assertThat(tracking.querySelector("[data-tracking='" + quota + "']").getTextContent())
                    .contains("Ada Adminpages");
            HtmlPage list = staff.getPage(PORTAL + "/admin/quotas?holder=" + holderEmail);
            assertThat(list.querySelector("[data-quota='" + quota + "'] a.quota-link").getTextContent())
                    .contains("Ada Adminpages");
            assertThat(list.getElementById("quota-total").getTextContent()).contains("1 quota found");
            HtmlPage report = staff.getPage(PORTAL + "/admin/imports/" + importId);
            assertThat(report.querySelector("#preview tr[data-preview-line='2']").getTextContent())
                    .contains("Ada Adminpages");
            assertThat(report.querySelectorAll("#confirm-form")).hasSize(1);
            HtmlPage detail = staff.getPage(PORTAL + "/admin/quotas/" + quota);
            assertThat(detail.querySelectorAll("#tickets tbody tr[data-status='ALLOCATED']")).hasSize(2);
            assertThat(detail.getElementById("algorithm").getTextContent()).isEqualTo("NM");
            assertThat(detail.querySelectorAll("#audit tbody tr")).isNotEmpty();
        }
    }

    @Test
    void onlyTheAdminWithTheMasqueradeRoleIsOfferedToActAsAHolderAndAManagersPostIsRefused() throws Exception {
        for (String url : adminPages().stream().filter(u -> !u.contains("/admin/imports/")).toList()) {
            HtmlPage asManager = manager.getPage(url);
            assertThat(asManager.querySelectorAll("form[action='/admin/masquerade']")).as(url).isEmpty();
        }
        for (String url : List.of(PORTAL + "/admin", PORTAL + "/admin/quotas/" + quota,
                PORTAL + "/admin/quotas?holder=" + holderEmail,
                PORTAL + "/admin/matches/" + PortalData.match(0) + "/tracking")) {
            HtmlPage asAdmin = admin.getPage(url);
            assertThat(asAdmin.querySelectorAll("form[action='/admin/masquerade']")).as(url).isNotEmpty();
        }

        // a manager's own valid CSRF token, from a form the manager does have (re-send on the quota page)
        HtmlPage detail = manager.getPage(PORTAL + "/admin/quotas/" + quota);
        String token = detail.getElementsByName("csrf-token").get(0).getAttribute("value");
        WebRequest post = new WebRequest(new URL(PORTAL + "/admin/masquerade"), HttpMethod.POST);
        post.setRequestParameters(List.of(new NameValuePair("holderEmail", holderEmail),
                new NameValuePair("csrf-token", token)));
        Page refused = manager.getPage(post);
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(refused.getUrl().getPath()).isEqualTo("/admin/masquerade");
        assertThat(PortalData.admin(quota).getList("audit.action")).doesNotContain("MASQUERADE_STARTED");
    }

    @Test
    void adminFormsWithoutOrWithAForgedCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        Map<String, Object> before = state();
        long quotasBefore = PortalData.quotasOf(holderEmail);
        admin.getPage(PORTAL + "/admin/quotas/" + quota);
        for (String url : adminForms()) {
            for (String csrf : new String[] {null, "Forged0Token0That0The0Portal0Never0Issued00"}) {
                List<NameValuePair> fields = new ArrayList<>(List.of(new NameValuePair("holderEmail", holderEmail),
                        new NameValuePair("scope", "ALL_UNUSED"), new NameValuePair("holderName", "Mal Icious"),
                        new NameValuePair("matchIds", String.valueOf(PortalData.match(0))),
                        new NameValuePair("sectors", "N3"), new NameValuePair("quantity", "1")));
                if (csrf != null) {
                    fields.add(new NameValuePair("csrf-token", csrf));
                }
                WebRequest post = new WebRequest(new URL(url), HttpMethod.POST);
                post.setRequestParameters(fields);
                Page page = admin.getPage(post);
                assertThat(page.getWebResponse().getStatusCode()).as(url + " with csrf " + csrf).isEqualTo(400);
            }
        }
        assertThat(state()).isEqualTo(before);
        assertThat(PortalData.quotasOf(holderEmail)).as("no quota created by a refused form").isEqualTo(quotasBefore);
        assertThat(PortalData.importOf(importId).getString("status")).as("the import stays unconfirmed")
                .isEqualTo("VALIDATED");
    }

    @Test
    void anUploadWithoutOrWithAForgedCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        admin.getPage(PORTAL + "/admin/imports");
        String latest = PortalData.latestImport();
        for (String csrf : new String[] {null, "Forged0Token0That0The0Portal0Never0Issued00"}) {
            WebRequest post = new WebRequest(new URL(PORTAL + "/admin/imports"), HttpMethod.POST);
            post.setEncodingType(FormEncodingType.MULTIPART);
            KeyDataPair file = new KeyDataPair("file", null, "quotas.csv", "text/csv", StandardCharsets.UTF_8);
            file.setData(("holder_email,holder_name,matches,sectors,quantity,algorithm\n" + holderEmail
                    + ",Mal Icious," + PortalData.match(0) + ",N3,1,NM\n").getBytes(StandardCharsets.UTF_8));
            List<NameValuePair> fields = new ArrayList<>(List.of(file));
            if (csrf != null) {
                fields.add(new NameValuePair("csrf-token", csrf));
            }
            post.setRequestParameters(fields);
            Page page = admin.getPage(post);
            assertThat(page.getWebResponse().getStatusCode()).as("upload with csrf " + csrf).isEqualTo(400);
        }
        assertThat(PortalData.latestImport()).as("nothing uploaded").isEqualTo(latest);
    }

    private static List<String> adminForms() {
        String base = PORTAL + "/admin/quotas/" + quota;
        return List.of(base + "/resend-invitation", base + "/revoke-invitation", base + "/cancel",
                PORTAL + "/admin/quotas/new", PORTAL + "/admin/masquerade",
                PORTAL + "/admin/imports/" + importId + "/confirm");
    }

    /** What a change would show: the quota's state, counts and audit trail length. */
    private static Map<String, Object> state() {
        var detail = PortalData.admin(quota);
        return Map.of("state", detail.getString("quota.state"), "counts", detail.getMap("quota.ticketCounts"),
                "audit", detail.getList("audit").size());
    }
}
