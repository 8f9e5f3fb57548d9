package com.stadium.quota.portal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.holder.QuotaServiceStandIn;
import com.stadium.quota.testing.EventStream;
import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who receives which live events, with real Keycloak sessions and tokens and real records on quota-events: Hanna
 * holds QUOTA and passed SUBQUOTA on to Hugo, who also holds QUOTA2 (see {@link QuotaServiceStandIn}).
 */
@QuarkusTest
class LiveStreamTest {

    static final String PORTAL = "http://127.0.0.1:28090";
    static WebClient hanna;
    static WebClient hugo;
    static WebClient admin;

    @BeforeAll
    static void signIn() throws Exception {
        hanna = LoopbackBrowser.open();
        hanna.getPage(PORTAL + "/invitation/" + QuotaServiceStandIn.GOOD);
        hugo = LoopbackBrowser.open();
        hugo.getPage(PORTAL + "/invitation/" + QuotaServiceStandIn.HUGO);
        admin = LoopbackBrowser.open();
        HtmlPage login = admin.getPage(PORTAL + "/admin");
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type("manager");
        form.getInputByName("password").type("manager");
        form.getButtonByName("login").click();
    }

    @AfterAll
    static void close() {
        // null when the app did not start: the boot failure is the error to read
        for (WebClient client : new WebClient[] {hanna, hugo, admin}) {
            if (client != null) {
                client.close();
            }
        }
    }

    static Map<String, String> cookies(WebClient browser, String path) throws Exception {
        return Map.of("Cookie", browser.getCookies(new URL(PORTAL + path)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }

    static void changed(String quotaId, String parentId, String holderEmail) {
        String payload = "{\"quotaId\":\"" + quotaId + "\",\"parentId\":" + (parentId == null ? "null"
                : "\"" + parentId + "\"") + ",\"change\":\"TICKETS_CHANGED\",\"state\":\"ALLOCATED\",\"matchId\":1,"
                + "\"holderEmail\":\"" + holderEmail + "\",\"quantity\":2,\"unfulfilled\":0,\"ticketCounts\":{}}";
        TopicWriter.send("quota-events", quotaId, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"quota.changed\","
                + "\"version\":1,\"time\":\"2026-11-29T18:00:00Z\",\"aggregateId\":\"" + quotaId + "\",\"payload\":"
                + payload + "}");
    }

    /** The portal's consumer starts at the newest record: repeat a first event until this stream shows it. */
    static void untilLive(EventStream stream, String quotaId, String parentId, String email) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(700)).until(() -> {
            if (!stream.about(quotaId)) {
                changed(quotaId, parentId, email);
            }
            return stream.about(quotaId);
        });
    }

    /** A stream opened before the consumer had its partitions also gets a "refresh" then (LiveResumption). */
    static java.util.List<EventStream.Event> quotaEvents(EventStream stream) {
        return stream.events.stream().filter(e -> !"refresh".equals(e.name())).toList();
    }

    @Test
    void withoutASessionOrTokenNoStreamOpens() throws Exception {
        try (EventStream holder = EventStream.open(PORTAL + "/holder/live", Map.of());
                EventStream page = EventStream.open(PORTAL + "/admin/quotas/" + QuotaServiceStandIn.QUOTA + "/live",
                        Map.of());
                EventStream app = EventStream.open(PORTAL + "/app/live", Map.of())) {
            // to the holder's sign-in (the deeplink's authorization step), never a stream
            assertThat(holder.status).isEqualTo(302);
            assertThat(holder.location).startsWith(PORTAL + "/invitation/authorize?");
            assertThat(page.status).isEqualTo(302);
            assertThat(page.location).startsWith(TestStack.keycloakUrl() + "/realms/quota/");
            assertThat(app.status).isEqualTo(401);
        }
    }

    @Test
    void eachHolderGetsTheirOwnQuotasAndTheSubquotaBetweenThemButNeverTheOthers() throws Exception {
        try (EventStream hannas = EventStream.open(PORTAL + "/holder/live", cookies(hanna, "/holder/live"));
                EventStream hugos = EventStream.open(PORTAL + "/holder/live", cookies(hugo, "/holder/live"))) {
            assertThat(hannas.status).isEqualTo(200);
            assertThat(hugos.status).isEqualTo(200);
            untilLive(hannas, QuotaServiceStandIn.QUOTA, null, "holder@club.example");
            changed(QuotaServiceStandIn.QUOTA2, null, "holder2@club.example");
            changed(QuotaServiceStandIn.SUBQUOTA, QuotaServiceStandIn.QUOTA, "holder2@club.example");
            String someoneElses = UUID.randomUUID().toString();
            changed(someoneElses, null, "pia@club.example");
            await().atMost(Duration.ofSeconds(10)).until(() -> hugos.about(QuotaServiceStandIn.SUBQUOTA)
                    && hannas.about(QuotaServiceStandIn.SUBQUOTA) && hugos.about(QuotaServiceStandIn.QUOTA2));
            // Hugo's own quota and the one he received; Hanna's quota and what she passed on; nobody else's
            assertThat(hugos.about(QuotaServiceStandIn.QUOTA)).isFalse();
            assertThat(hannas.about(QuotaServiceStandIn.QUOTA2)).isFalse();
            assertThat(hannas.about(someoneElses) || hugos.about(someoneElses)).isFalse();
            assertThat(hannas.events).allSatisfy(e -> assertThat(e.data()).doesNotContain("@"));
            assertThat(hugos.events).extracting(EventStream.Event::name)
                    .contains("quota-" + QuotaServiceStandIn.SUBQUOTA, "quota-" + QuotaServiceStandIn.QUOTA2);
        }
    }

    @Test
    void aReconnectingPageGetsWhatItMissedAfterItsLastEventId() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(cookies(hanna, "/holder/live"));
        try (EventStream watcher = EventStream.open(PORTAL + "/holder/live", headers)) {
            String lastSeen;
            try (EventStream dropped = EventStream.open(PORTAL + "/holder/live", headers)) {
                untilLive(dropped, QuotaServiceStandIn.QUOTA, null, "holder@club.example");
                lastSeen = dropped.events.get(dropped.events.size() - 1).id();
            }
            // while the dropped page is away, its subquota changes (the other page sees it arrive)
            changed(QuotaServiceStandIn.SUBQUOTA, QuotaServiceStandIn.QUOTA, "holder2@club.example");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.about(QuotaServiceStandIn.SUBQUOTA));
            headers.put("Last-Event-ID", lastSeen);
            try (EventStream again = EventStream.open(PORTAL + "/holder/live", headers)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> again.about(QuotaServiceStandIn.SUBQUOTA));
            }
        }
        headers.put("Last-Event-ID", "0-999999999");
        try (EventStream unknown = EventStream.open(PORTAL + "/holder/live", headers)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !unknown.events.isEmpty());
            assertThat(unknown.events.get(0).name()).isEqualTo("refresh");
        }
    }

    @Test
    void anAdminsQuotaPageGetsThatQuotaAndItsSubquotasWhoeverHoldsThem() throws Exception {
        try (EventStream page = EventStream.open(PORTAL + "/admin/quotas/" + QuotaServiceStandIn.QUOTA + "/live",
                cookies(admin, "/admin/quotas"));
                EventStream holdersTry = EventStream.open(PORTAL + "/admin/quotas/" + QuotaServiceStandIn.QUOTA
                        + "/live", cookies(hanna, "/admin/quotas"))) {
            assertThat(page.status).isEqualTo(200);
            assertThat(holdersTry.status).isEqualTo(302);
            untilLive(page, QuotaServiceStandIn.QUOTA, null, "holder@club.example");
            changed(QuotaServiceStandIn.SUBQUOTA, QuotaServiceStandIn.QUOTA, "holder2@club.example");
            changed(QuotaServiceStandIn.QUOTA2, null, "holder2@club.example");
            await().atMost(Duration.ofSeconds(10)).until(() -> page.about(QuotaServiceStandIn.SUBQUOTA));
            assertThat(page.about(QuotaServiceStandIn.QUOTA2)).isFalse();
            assertThat(quotaEvents(page)).extracting(EventStream.Event::name)
                    .containsOnly("quota-" + QuotaServiceStandIn.QUOTA);
        }
    }

    @Test
    void theAppStreamTakesOnlyQuotaAppTokensAndFiltersByTheirEmail() throws Exception {
        String appToken = Tokens.app("holder2@club.example");
        try (EventStream cli = EventStream.open(PORTAL + "/app/live",
                Map.of("Authorization", "Bearer " + Tokens.of(Tokens.HOLDER)));
                EventStream app = EventStream.open(PORTAL + "/app/live", Map.of("Authorization", "Bearer " + appToken))) {
            // a holder's token of another client (azp quota-cli) is not the app's
            assertThat(cli.status).isEqualTo(401);
            assertThat(app.status).isEqualTo(200);
            untilLive(app, QuotaServiceStandIn.QUOTA2, null, "holder2@club.example");
            changed(QuotaServiceStandIn.QUOTA, null, "holder@club.example");
            changed(QuotaServiceStandIn.SUBQUOTA, QuotaServiceStandIn.QUOTA, "holder2@club.example");
            await().atMost(Duration.ofSeconds(10)).until(() -> app.about(QuotaServiceStandIn.SUBQUOTA));
            assertThat(app.about(QuotaServiceStandIn.QUOTA)).isFalse();
            assertThat(quotaEvents(app)).extracting(EventStream.Event::name).containsOnly("quota");
            assertThat(quotaEvents(app)).allSatisfy(e -> assertThat(e.id()).matches("\\d+-\\d+"));
        }
    }
}
