package com.stadium.quota.portal.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.LoopbackBrowser;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A refused deeplink or masquerade is logged once with the reason (quota-service's answer, Keycloak's) and the
 * reference the page shows, and never with a token (issue 19, item 3).
 */
@QuarkusTest
@QuarkusTestResource(QuotaServiceStandIn.class)
class RefusalLogTest {

    static final String PORTAL = HolderSignInTest.PORTAL;
    final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord line = (ExtLogRecord) record;
            line.copyMdc(); // the MDC of the thread that logged, not of the test's thread reading it later
            lines.add(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final Logger portal = Logger.getLogger("com.stadium.quota.portal");

    @BeforeEach
    void listen() {
        portal.addHandler(capture);
    }

    @AfterEach
    void stop() {
        portal.removeHandler(capture);
    }

    @Test
    void aDeeplinkKeycloakCannotRedeemIsLoggedWithTheReasonAndReferenceNeverTheToken() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            // a proxy in front names the request: the portal keeps its id and passes it on to quota-service
            String reference = "edge-proxy-" + System.nanoTime();
            browser.addRequestHeader("X-Request-Id", reference);
            HtmlPage page = browser.getPage(new URL(PORTAL + "/invitation/" + QuotaServiceStandIn.KEYCLOAK_DOWN));
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(page.getWebResponse().getResponseHeaderValue("X-Request-Id")).isEqualTo(reference);
            assertThat(QuotaServiceStandIn.lastRedeemRequestId).isEqualTo(reference);
            assertThat(page.getElementById("reference").asNormalizedText()).isEqualTo("reference: " + reference);
            List<ExtLogRecord> refusals = lines.stream().filter(l -> l.getFormattedMessage().contains("deeplink"))
                    .toList();
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0).getFormattedMessage()).contains("503").contains("does not answer right now");
            assertThat(refusals.get(0).getMdc("correlationId")).isEqualTo(reference);
            assertThat(lines).allSatisfy(l -> assertThat(l.getFormattedMessage())
                    .doesNotContain(QuotaServiceStandIn.KEYCLOAK_DOWN).doesNotContain("Keycloak0Down"));
        }
    }

    @Test
    void aRefusedMasqueradeIsLoggedWithQuotaServicesAnswerNeverTheAdminsToken() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage page = HolderSignInTest.actAs(browser, "nobody@club.example");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            String reference = page.getWebResponse().getResponseHeaderValue("X-Request-Id");
            assertThat(page.getElementById("reference").asNormalizedText()).isEqualTo("reference: " + reference);
            List<ExtLogRecord> refusals = lines.stream().filter(l -> l.getFormattedMessage().contains("masquerade"))
                    .toList();
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0).getFormattedMessage()).contains("nobody@club.example").contains("404")
                    .contains("is not the email of a holder");
            assertThat(refusals.get(0).getMdc("correlationId")).isEqualTo(reference);
            // a JWT (the admin's access token in the hand-over) starts with the encoded {"alg"
            assertThat(lines).allSatisfy(l -> assertThat(l.getFormattedMessage()).doesNotContain("eyJ"));
        }
    }
}
